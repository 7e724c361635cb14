import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { optionValues } from '../home/work-objects';
import { optionLooks, type OptionLook } from '../list/columns';
import type { WorkspaceField, WorkspaceObject } from '../record-api';
import type { WorkspacePipeline } from '../use-workspace-model';

/** A select's option values in order, and their labels and colours in the user's language. */
export function useOptions(
  object: WorkspaceObject,
  field: WorkspaceField,
  pipelines: readonly WorkspacePipeline[],
): { readonly values: readonly string[]; readonly looks: ReadonlyMap<string, OptionLook> } {
  const { i18n } = useTranslation();
  return useMemo(
    () => ({ values: optionValues(field), looks: optionLooks(object, field, pipelines, i18n.language) }),
    [object, field, pipelines, i18n.language],
  );
}

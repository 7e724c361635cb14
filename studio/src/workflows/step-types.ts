import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { WorkflowStepTypesDocument } from './documents';
import type { EdgeKeysOf } from './graph';
import { edgeKeysOfSchema, settingsForm, type SettingsForm } from './settings/form-schema';

/**
 * The step and trigger types the server knows (`workflowStepTypes`), with each type's settings form and edge
 * keys derived once from its JSON Schema. Everything per type in the designer comes from here.
 */
export interface StepTypes {
  readonly stepTypes: readonly string[];
  readonly triggerTypes: readonly string[];
  readonly stepForm: (type: string) => SettingsForm;
  readonly triggerForm: (type: string) => SettingsForm;
  readonly stepSchema: (type: string) => unknown;
  readonly triggerSchema: (type: string) => unknown;
  readonly edgeKeysOf: EdgeKeysOf;
  readonly requiredEdgeKeysOf: EdgeKeysOf;
}

type Schemas = { steps?: Record<string, unknown>; triggers?: Record<string, unknown> };

export function buildStepTypes(
  raw: unknown,
  typeTitle: (type: string) => string,
  keyTitle: (type: string, key: string) => string = (_type, key) => key,
): StepTypes {
  const { steps = {}, triggers = {} } = (raw ?? {}) as Schemas;
  const memo = <T>(make: (type: string) => T) => {
    const cache = new Map<string, T>();
    return (type: string) => {
      if (!cache.has(type)) cache.set(type, make(type));
      return cache.get(type)!;
    };
  };
  const stepForm = memo((type) => settingsForm(steps[type], typeTitle, (key) => keyTitle(type, key)));
  const edgeKeys = memo((type) => edgeKeysOfSchema(steps[type]));
  return {
    stepTypes: Object.keys(steps),
    triggerTypes: Object.keys(triggers),
    stepForm,
    triggerForm: memo((type) => settingsForm(triggers[type], typeTitle, (key) => keyTitle(type, key))),
    stepSchema: (type) => steps[type],
    triggerSchema: (type) => triggers[type],
    edgeKeysOf: edgeKeys,
    requiredEdgeKeysOf: (type) => stepForm(type).requiredEdgeKeys,
  };
}

export function useStepTypes() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: WorkflowStepTypesDocument });
  const types = useMemo(
    () =>
      data
        ? buildStepTypes(
            data.workflowStepTypes,
            (type) => t(`flow.valueTypes.${type}`, type),
            // A type's own word for a key first (a stage trigger's `to` is a stage, an e-mail's a recipient).
            (type, key) => t([`flow.typeKeys.${type}.${key}`, `flow.keys.${key}`], { defaultValue: key }),
          )
        : null,
    [data, t],
  );
  return { types, fetching, error };
}

/** A type's name in the user's language where the studio has one, its API name otherwise (plugin types). */
export function useTypeLabel() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      step: (type: string) => t(`flow.stepTypes.${type}`, { defaultValue: type }),
      trigger: (type: string) => t(`flow.triggerTypes.${type}`, { defaultValue: type }),
    }),
    [t],
  );
}

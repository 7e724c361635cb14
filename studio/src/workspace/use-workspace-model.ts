import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { ApiNames, WorkspaceObject } from './record-api';

export const WorkspaceModelDocument = graphql(`
  query WorkspaceModel($locale: String) {
    objects {
      name
      label(locale: $locale)
      labelPlural(locale: $locale)
      pluralName
      titleField
      api
      layout
      permissions {
        create
        update
        delete
      }
      fields(includeSystem: true) {
        name
        label(locale: $locale)
        type
        required
        default
        system
        settings
        jsonSchema
        graphqlType
      }
    }
    pipelines {
      object
      field
      label(locale: $locale)
      stages {
        name
        label(locale: $locale)
        probability
        won
        lost
        color
      }
    }
  }
`);

export interface WorkspaceStage {
  readonly name: string;
  readonly label: string;
  readonly probability: number;
  readonly won: boolean;
  readonly lost: boolean;
  readonly color: string | null;
}

export interface WorkspacePipeline {
  readonly object: string;
  readonly field: string;
  readonly label: string | null;
  readonly stages: readonly WorkspaceStage[];
}

export interface WorkspaceModel {
  /** The objects the user may read, with only the fields they may read, labelled in the user's language. */
  readonly objects: readonly WorkspaceObject[];
  readonly pipelines: readonly WorkspacePipeline[];
  readonly object: (name: string) => WorkspaceObject | undefined;
  /** The stored form layout of an object (`ObjectMeta.layout`), or null for the default form. */
  readonly layout: (name: string) => unknown;
}

/** The model as the workspace screens see it (one query, cached by urql, re-read when the language changes). */
export function useWorkspaceModel() {
  const { i18n } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: WorkspaceModelDocument,
    variables: { locale: i18n.language },
  });
  const model = useMemo<WorkspaceModel | null>(() => {
    if (!data) return null;
    const objects: WorkspaceObject[] = data.objects.map((o) => ({ ...o, api: o.api as ApiNames }));
    const layouts = new Map(data.objects.map((o) => [o.name, o.layout ?? null]));
    return {
      objects,
      pipelines: data.pipelines,
      object: (name) => objects.find((o) => o.name === name),
      layout: (name) => layouts.get(name) ?? null,
    };
  }, [data]);
  return { model, fetching, error, refetch };
}

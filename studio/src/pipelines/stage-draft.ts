/**
 * A pipeline as the editor holds it before saving (a *draft*), and its conversions from the API's `Pipeline`
 * and to `savePipeline`'s input. Labels stay as metadata writes them — text or a map from locale to text —
 * and the editor changes only the text of the language the studio is shown in, so other translations survive.
 */
import { asLabels, type Labels } from '../designer/labels';

export interface StageDraft {
  /** Stable identity for React and drag and drop; never sent. */
  readonly id: string;
  readonly name: string;
  readonly labels: Labels;
  /** Empty while the input is cleared (invalid until a number is typed). */
  readonly probability: number | '';
  readonly won: boolean;
  readonly lost: boolean;
  /** `#rrggbb`, or empty for none. */
  readonly color: string;
}

export interface PipelineDraft {
  readonly object: string;
  readonly field: string;
  readonly labels: Labels;
  readonly stages: readonly StageDraft[];
}

/** A stage as the API's `pipelines` query answers it. */
export interface StageJson {
  readonly name: string;
  readonly labels?: unknown;
  readonly probability: number;
  readonly won: boolean;
  readonly lost: boolean;
  readonly color?: string | null;
}

let nextId = 1;
const newId = () => `stage-${nextId++}`;

export const newStage = (name = ''): StageDraft => ({
  id: newId(),
  name,
  labels: null,
  probability: 0,
  won: false,
  lost: false,
  color: '',
});

export function stageFromJson(stage: StageJson): StageDraft {
  return {
    id: newId(),
    name: stage.name,
    labels: asLabels(stage.labels),
    probability: stage.probability,
    won: stage.won,
    lost: stage.lost,
    color: stage.color ?? '',
  };
}

/** What `savePipeline(input:)` receives: keys that are unset are left out, as a manifest writes them. */
export function pipelineInput(draft: PipelineDraft): Record<string, unknown> {
  return {
    object: draft.object,
    field: draft.field,
    ...(draft.labels !== null ? { label: draft.labels } : {}),
    stages: draft.stages.map((s) => ({
      name: s.name.trim(),
      ...(s.labels !== null ? { label: s.labels } : {}),
      probability: s.probability === '' ? null : s.probability,
      ...(s.won ? { won: true } : {}),
      ...(s.lost ? { lost: true } : {}),
      ...(s.color ? { color: s.color } : {}),
    })),
  };
}

/** Whether the draft says something else than the saved pipeline (ids aside). */
export function isChanged(draft: PipelineDraft, saved: PipelineDraft): boolean {
  return JSON.stringify(pipelineInput(draft)) !== JSON.stringify(pipelineInput(saved));
}

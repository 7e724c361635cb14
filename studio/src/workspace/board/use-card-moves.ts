import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useNavigate } from 'react-router';
import { useClient, useQuery, type CombinedError } from 'urql';
import { problemsOf } from '../../graphql/problems';
import { recordTitle, updateMutation, type WorkspaceObject } from '../record-api';
import type { WorkspacePipeline } from '../use-workspace-model';
import { ObjectConversionDocument } from '../record/convert/conversion-api';
import { conversionOf } from '../record/convert/conversion-data';
import type { CardRecord } from './use-stage-cards';

/** Where a card is shown before (or instead of) the server's lists say so: its record with the new stage. */
export type Placements = ReadonlyMap<string, CardRecord>;

/**
 * Why the server refused a move. A user who may not update the object at all has no update mutation in their
 * schema: the server answers that the field does not exist, which is said here in the user's words.
 */
function refusalReasons(error: CombinedError, object: WorkspaceObject, t: TFunction): readonly string[] {
  const missing = error.graphQLErrors.some((e) => e.path === undefined && e.message.includes(`"${object.api.update}"`));
  if (missing) return [t('board.move.notAllowed', { objects: object.labelPlural })];
  return problemsOf(error).map((p) => p.message);
}

/**
 * Moving cards between stages, optimistically: the card shows at its new stage at once, the update mutation
 * runs, and then every column and total is re-read (`refresh`). A refused move (validation rule, permission)
 * drops the placement, so the card snaps back to where the server has it, and shows the server's reason.
 *
 * The stage a conversion sets (a lead's "converted") is reached by converting, not by a move: a card dropped
 * there opens the record's conversion dialog, so the lead is not marked converted without its company, contact
 * and deal.
 */
export function useCardMoves(object: WorkspaceObject, pipeline: WorkspacePipeline, selection: string) {
  const { t } = useTranslation();
  const client = useClient();
  const navigate = useNavigate();
  const [{ data: conversionData }] = useQuery({ query: ObjectConversionDocument, variables: { object: object.name } });
  const convertsTo = conversionOf(conversionData?.object?.conversion)?.update[pipeline.field];
  const [placements, setPlacements] = useState<Placements>(new Map());
  const [refresh, setRefresh] = useState(0);
  const mutation = useMemo(() => updateMutation(object, selection), [object, selection]);
  const stageLabel = useCallback(
    (name: string) => pipeline.stages.find((s) => s.name === name)?.label ?? name,
    [pipeline],
  );

  const place = (id: string, record: CardRecord | undefined) =>
    setPlacements((current) => {
      const next = new Map(current);
      if (record) next.set(id, record);
      else next.delete(id);
      return next;
    });

  const move = useCallback(
    async (record: CardRecord, to: string) => {
      if (record[pipeline.field] === to) return;
      if (convertsTo !== undefined && to === convertsTo) {
        void navigate(`/o/${object.name}/${record.id}?convert=1`);
        return;
      }
      const title = recordTitle(object, record);
      place(record.id, { ...record, [pipeline.field]: to });
      const result = await client
        .mutation<Record<string, CardRecord>>(mutation, { id: record.id, data: { [pipeline.field]: to } })
        .toPromise();
      const saved = result.data?.[object.api.update];
      if (result.error || !saved) {
        place(record.id, undefined);
        const reasons = result.error ? refusalReasons(result.error, object, t) : [];
        notifications.show({
          color: 'red',
          title: t('board.move.refused'),
          message: reasons.join('; ') || t('board.move.refused'),
          autoClose: 8000,
          closeButtonProps: { 'aria-label': t('board.dismiss') },
        });
      } else {
        place(record.id, saved);
        notifications.show({
          color: 'green',
          message: t('board.move.moved', { title, stage: stageLabel(to) }),
          autoClose: 2500,
          closeButtonProps: { 'aria-label': t('board.dismiss') },
        });
      }
      setRefresh((n) => n + 1);
    },
    [client, mutation, object, pipeline, t, stageLabel, convertsTo, navigate],
  );

  const reread = useCallback(() => setRefresh((n) => n + 1), []);
  return { placements, move, refresh, reread };
}

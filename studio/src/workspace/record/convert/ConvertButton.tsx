import { Anchor, Badge, Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { recordTitle, type WorkspaceObject } from '../../record-api';
import { useWorkspaceModel, type WorkspaceModel } from '../../use-workspace-model';
import { ConversionPreviewDocument, ObjectConversionDocument } from './conversion-api';
import { conversionOf, destinationOf, matchesOf, type Conversion, type TargetPreview } from './conversion-data';
import { ConvertModal, type ConvertedTargets } from './ConvertModal';

/**
 * The record header's Convert button, for an object with a `conversion` (a lead → company, contact, deal):
 * shown while the record is not converted and the user may create (or use an existing record for) every
 * target that cannot be skipped, and may update the record itself (converting marks it converted: without
 * `update` on its object the server would refuse). Converting opens the deal (or the contact), with links to
 * every record.
 */
export function ConvertButton(props: { object: WorkspaceObject; record: Record<string, unknown> }) {
  const [{ data }] = useQuery({ query: ObjectConversionDocument, variables: { object: props.object.name } });
  const conversion = conversionOf(data?.object?.conversion);
  const { model } = useWorkspaceModel();
  if (!conversion || !model || props.object.permissions?.update === false) return null;
  return <ConvertControl {...props} conversion={conversion} model={model} />;
}

function ConvertControl(props: {
  object: WorkspaceObject;
  record: Record<string, unknown>;
  conversion: Conversion;
  model: WorkspaceModel;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = String(props.record['id']);
  const client = useClient();
  // The dialog starts from a fresh preview: the record may have been edited since the page read it.
  const [previews, setPreviews] = useState<readonly TargetPreview[] | null>(null);
  const [opening, setOpening] = useState(false);
  // Read again whenever the record changes (its values are what the targets are made from).
  const [{ data }] = useQuery({
    query: ConversionPreviewDocument,
    variables: { object: props.object.name, id },
    requestPolicy: 'cache-and-network',
  });
  const preview = data?.conversionPreview;
  // `?convert=1` (the board sends a card dropped on the converted stage here) opens the dialog once the preview
  // says the record can be converted.
  const [search, setSearch] = useSearchParams();
  const asked = search.get('convert') === '1';
  const openedFromLink = useRef(false);
  const possible = preview ? preview.targets.every((p) => p.optional || p.canCreate || matchesOf(p).length > 0) : false;
  useEffect(() => {
    if (!asked || !preview || openedFromLink.current) return;
    openedFromLink.current = true;
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('convert');
        return next;
      },
      { replace: true },
    );
    if (!preview.converted && possible) void openDialog();
  });
  if (!preview) return null;
  if (preview.converted)
    return (
      <Badge color="green" variant="light" size="lg">
        {t('convert.alreadyConverted')}
      </Badge>
    );
  if (!possible) return null;
  const title = recordTitle(props.object, props.record);

  const converted = (targets: ConvertedTargets) => {
    setPreviews(null);
    const made = targets.filter((target) => target.id);
    const link = (target: (typeof made)[number]) => `/o/${target.object}/${String(target.id)}`;
    notifications.show({
      color: 'green',
      title: t('convert.converted', { title }),
      message: (
        <Stack gap={2}>
          {made.map((target) => (
            <Anchor
              key={target.key}
              href={link(target)}
              size="sm"
              onClick={(event) => {
                event.preventDefault();
                void navigate(link(target));
              }}
            >
              {t('convert.open', { object: props.model.object(target.object)?.label ?? target.object })}
            </Anchor>
          ))}
        </Stack>
      ),
    });
    const destination = destinationOf(made);
    if (destination) void navigate(link(destination));
  };

  const openDialog = async () => {
    setOpening(true);
    const fresh = await client
      .query(ConversionPreviewDocument, { object: props.object.name, id }, { requestPolicy: 'network-only' })
      .toPromise();
    setOpening(false);
    if (fresh.data) setPreviews(fresh.data.conversionPreview.targets);
  };

  return (
    <>
      <Button loading={opening} onClick={() => void openDialog()}>
        {t('convert.button')}
      </Button>
      {previews && (
        <ConvertModal
          model={props.model}
          object={props.object}
          recordId={id}
          title={title}
          conversion={props.conversion}
          previews={previews}
          onClose={() => setPreviews(null)}
          onConverted={converted}
        />
      )}
    </>
  );
}

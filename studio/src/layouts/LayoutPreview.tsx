import { Card, Loader, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormLayout, LayoutField } from './layout-form';

// The form (@rjsf and ajv, 480 kB) loads beside the designer rather than before it: the page shows first.
const PreviewForm = lazy(() => import('./PreviewForm'));

/**
 * The record form as the layout being designed will show it, live: values typed here decide which
 * sections are visible, exactly as in the workspace; nothing is submitted.
 */
export function LayoutPreview(props: { fields: readonly LayoutField[]; layout: FormLayout }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" role="region" aria-label={t('layouts.preview')}>
      <Title order={3} size="h4">
        {t('layouts.preview')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('layouts.previewHint')}
      </Text>
      <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
        <PreviewForm fields={props.fields} layout={props.layout} />
      </Suspense>
    </Card>
  );
}

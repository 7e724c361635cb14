import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';
import { ExportManifest } from './ExportManifest';
import { ImportManifest } from './ImportManifest';

/** The workspace's metadata as a file: download it, or upload one and apply it after seeing its plan. */
export default function ManifestPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle text={t('manifest.title')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ExportManifest />
        <ImportManifest />
      </SimpleGrid>
    </>
  );
}

import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { FormProblems } from '../designer/FormProblems';
import { graphql } from '../gql';
import { problemsOf, type Problem } from '../graphql/problems';

const ExportManifestDocument = graphql(`
  query ManifestExport {
    exportManifest
  }
`);

/** Saves `text` as a file named `name` through a temporary link (the browser's own download). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** "Export": the workspace's current metadata (exportManifest), downloaded as `manifest.json`. */
export function ExportManifest() {
  const { t } = useTranslation();
  const client = useClient();
  const [fetching, setFetching] = useState(false);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const exportNow = async () => {
    setFetching(true);
    const result = await client.query(ExportManifestDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    setFetching(false);
    if (result.error || !result.data) {
      setProblems(result.error ? problemsOf(result.error) : []);
      return;
    }
    setProblems([]);
    download('manifest.json', `${JSON.stringify(result.data.exportManifest, null, 2)}\n`);
  };
  return (
    <Card withBorder component="section" aria-labelledby="manifest-export">
      <Stack gap="sm">
        <Title order={3} size="h4" id="manifest-export">
          {t('manifest.export.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('manifest.export.explain')}
        </Text>
        <FormProblems problems={problems} title={t('manifest.export.failed')} />
        <Group>
          <Button onClick={() => void exportNow()} loading={fetching}>
            {t('manifest.export.button')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from './export-file';

/** "Export": the current view as CSV or as an Excel workbook. */
export function ExportMenu(props: { loading: boolean; onExport: (format: ExportFormat) => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={props.loading}>
          {t('views.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => props.onExport('csv')}>{t('views.export.csv')}</Menu.Item>
        <Menu.Item onClick={() => props.onExport('xlsx')}>{t('views.export.xlsx')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

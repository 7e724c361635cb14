import { Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's heading, also set as the document title (what screen readers and tabs announce). */
export function PageTitle({ children, text }: { children?: ReactNode; text: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${text} · ${t('app.name')}`;
  }, [text, t]);
  return (
    <Title order={2} mb="md">
      {children ?? text}
    </Title>
  );
}

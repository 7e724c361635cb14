import { Badge, Card, Group, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** One card of the home page: a titled region (found by its title), its count, what it shows, its content. */
export function HomeCard({
  title,
  description,
  count,
  countLabel,
  children,
}: {
  title: string;
  description: string;
  count?: number;
  /** What the count counts, for screen readers and the tooltip. */
  countLabel?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Card withBorder component="section" aria-labelledby={id} padding="lg">
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {count !== undefined && (
          <Badge size="lg" variant="light" aria-label={countLabel} title={countLabel} data-testid="card-count">
            {count}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {description}
      </Text>
      {children}
    </Card>
  );
}

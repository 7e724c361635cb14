import { Badge, Group } from '@mantine/core';

/** A user's or a key's roles by name, never cut short in a narrow column. */
export function RoleBadges({ roles }: { roles: readonly string[] }) {
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} variant="light" tt="none" miw="max-content">
          {role}
        </Badge>
      ))}
    </Group>
  );
}

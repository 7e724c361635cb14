import { Fieldset, SimpleGrid, Stack } from '@mantine/core';
import type { ObjectFieldTemplateProps, UiSchema } from '@rjsf/utils';
import { SECTIONS_OPTION, type FormSection, type LayoutForm } from './layout-form';

/**
 * The root of a record form drawn as its layout's sections (layout-form.ts): each section a fieldset whose
 * fields sit in a grid of its columns, one column on phones.
 */
export function SectionsTemplate(props: ObjectFieldTemplateProps) {
  const options = (props.uiSchema?.['ui:options'] ?? {}) as Record<string, unknown>;
  const sections = (options[SECTIONS_OPTION] ?? []) as readonly FormSection[];
  const content = new Map(props.properties.filter((p) => !p.hidden).map((p) => [p.name, p.content]));
  return (
    <Stack gap="md">
      {sections.map((section) => (
        <Fieldset
          key={section.name}
          legend={section.title || undefined}
          aria-label={section.title || section.name}
          data-section={section.name}
        >
          <SimpleGrid cols={{ base: 1, sm: section.columns }} spacing="md" verticalSpacing="xs">
            {section.fields.map((name) => (content.has(name) ? <div key={name}>{content.get(name)}</div> : null))}
          </SimpleGrid>
        </Fieldset>
      ))}
    </Stack>
  );
}

/** The uiSchema of `formFromLayout` with this template at its root, ready for `<Form uiSchema>`. */
export function withSections(uiSchema: LayoutForm['uiSchema']): UiSchema {
  return { ...uiSchema, 'ui:ObjectFieldTemplate': SectionsTemplate };
}

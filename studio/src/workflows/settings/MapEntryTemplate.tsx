import { Grid, Group, TextInput } from '@mantine/core';
import { ADDITIONAL_PROPERTY_FLAG, buttonId, type WrapIfAdditionalTemplateProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';

/**
 * One entry of a map setting (a record's `data`, a condition): its key, renamed when the input is left, beside
 * its value. Unlike the theme's, the key input always has a label, so screen readers can name it.
 */
export function MapEntryTemplate(props: WrapIfAdditionalTemplateProps) {
  const { t } = useTranslation();
  const { id, classNames, style, label, schema, children, registry, readonly, disabled } = props;
  if (!(ADDITIONAL_PROPERTY_FLAG in schema)) {
    return (
      <div className={classNames} style={style}>
        {children}
      </div>
    );
  }
  const { RemoveButton } = registry.templates.ButtonTemplates;
  return (
    <Group className={classNames} style={style} gap="xs" align="flex-end" wrap="nowrap" mb="xs">
      <Grid w="100%" align="flex-end">
        <Grid.Col span={5}>
          <TextInput
            label={t('flow.settings.key')}
            defaultValue={label}
            disabled={disabled || readonly}
            id={`${id}-key`}
            name={`${id}-key`}
            onBlur={!readonly ? props.onKeyRenameBlur : undefined}
          />
        </Grid.Col>
        <Grid.Col span={7}>{children}</Grid.Col>
      </Grid>
      <RemoveButton
        id={buttonId(id, 'remove')}
        iconType="sm"
        disabled={disabled || readonly}
        onClick={props.onRemoveProperty}
        registry={registry}
        aria-label={t('flow.settings.removeKey', { key: label })}
      />
    </Group>
  );
}

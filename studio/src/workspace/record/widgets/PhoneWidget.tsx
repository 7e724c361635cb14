import { TextInput } from '@mantine/core';
import type { WidgetProps } from '@rjsf/utils';
import { lazy, Suspense } from 'react';
import { loadPhoneNumberField } from './widget-chunks';

// libphonenumber's metadata is a chunk of its own, fetched when a form first shows a phone field (or before,
// when a link to a record with one is pointed at: widget-chunks.ts).
const PhoneNumberField = lazy(loadPhoneNumberField);

/** A `phone` field: a country and the number (see PhoneNumberField); until it loads, the stored number. */
export function PhoneWidget(props: WidgetProps) {
  return (
    <Suspense
      fallback={
        <TextInput
          label={props.label}
          required={props.required}
          readOnly
          value={typeof props.value === 'string' ? props.value : ''}
        />
      }
    >
      <PhoneNumberField {...props} />
    </Suspense>
  );
}

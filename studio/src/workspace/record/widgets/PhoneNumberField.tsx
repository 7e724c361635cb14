import { Anchor, Group, Select, TextInput } from '@mantine/core';
import type { WidgetProps } from '@rjsf/utils';
import {
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/min';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, FORM_DROPDOWN, widgetField } from './form-context';

/**
 * Terminology: the *draft* is what the widget shows, a country and the number as typed; the *value* is what the
 * form holds and the server stores, the number in E.164 (`+995599123456`, runtime/src/fields/text-types.ts).
 */
interface Draft {
  readonly country: CountryCode | null;
  readonly text: string;
}

/**
 * A phone number (loaded on demand by PhoneWidget): a searchable country (flag, name, calling code) beside the number. A stored number shows
 * in its country's national format; what is typed is read in the chosen country and sent in E.164, which the
 * server's phone type takes whatever its `defaultCountry`. A number typed with `+` picks its own country. Text
 * that is no number at all is sent as typed, for the server to refuse with its message.
 */
export default function PhoneNumberField(props: WidgetProps) {
  const { t, i18n } = useTranslation();
  const value = typeof props.value === 'string' ? props.value : '';
  const fallback = defaultCountry(widgetField(props.options)?.settings, i18n.language);
  const [draft, setDraft] = useState(() => draftOf(value, fallback));
  // What the widget last sent: any other value came from outside (discard, a re-read) and replaces the draft.
  const sent = useRef(value);
  if (value !== sent.current) {
    sent.current = value;
    setDraft(draftOf(value, fallback));
  }
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);

  const change = (next: Draft) => {
    setDraft(next);
    const nextValue = valueOf(next);
    sent.current = nextValue ?? '';
    props.onChange(nextValue);
  };
  const typed = (text: string) => {
    const own = text.trim().startsWith('+') ? parsePhoneNumberFromString(text)?.country : undefined;
    change({ country: own ?? draft.country, text });
  };
  const chosen = (country: CountryCode | null) => {
    // An international number keeps its digits and takes the new country's code.
    const phone = draft.text.trim().startsWith('+') ? parsePhoneNumberFromString(draft.text) : undefined;
    change({ country, text: phone ? phone.formatNational() : draft.text });
  };

  const phone = value ? parsePhoneNumberFromString(value) : undefined;
  const error = errorText(props.rawErrors);
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Select
        // Mantine keeps the shown name of the chosen option as typed text: a new language draws it anew.
        key={i18n.language}
        id={`${props.id}-country`}
        w={210}
        label={t('widgets.phone.country')}
        // Named after its field: a form may have several phones, and an address has a country too.
        aria-label={t('widgets.phone.countryOf', { field: props.label })}
        placeholder={t('widgets.phone.searchCountry')}
        data={countries}
        value={draft.country}
        onChange={(code) => chosen(code && isSupportedCountry(code) ? code : null)}
        disabled={props.disabled || props.readonly}
        searchable
        nothingFoundMessage={t('record.form.nothingFound')}
        comboboxProps={{ ...FORM_DROPDOWN, width: 300 }}
      />
      <TextInput
        id={props.id}
        type="tel"
        autoComplete="tel"
        style={{ flex: 1 }}
        label={props.label}
        required={props.required}
        disabled={props.disabled}
        readOnly={props.readonly}
        value={draft.text}
        onChange={(event) => typed(event.currentTarget.value)}
        onBlur={() => props.onBlur(props.id, props.value)}
        error={error}
        description={
          phone && !error ? (
            <Anchor href={phone.getURI()} size="xs">
              {phone.formatInternational()}
            </Anchor>
          ) : undefined
        }
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
    </Group>
  );
}

/** The field's `defaultCountry`, else the region of the studio's language (ka → GE, en → US, ny → MW). */
function defaultCountry(settings: unknown, language: string): CountryCode | undefined {
  const given = (settings as { defaultCountry?: unknown } | null)?.defaultCountry;
  if (typeof given === 'string' && isSupportedCountry(given)) return given;
  // The browser's own region when it speaks the studio's language (en-GB), else the language's likeliest one.
  const browser = new Intl.Locale(navigator.language);
  const region = browser.language === language && browser.region ? browser.region : regionOf(language);
  return region && isSupportedCountry(region) ? region : undefined;
}

function regionOf(language: string): string | undefined {
  try {
    return new Intl.Locale(language).maximize().region;
  } catch {
    return undefined;
  }
}

/** The draft of a stored value: its country and its national format (international when no country fits). */
function draftOf(value: string, fallback: CountryCode | undefined): Draft {
  if (!value) return { country: fallback ?? null, text: '' };
  const phone = parsePhoneNumberFromString(value, fallback);
  if (!phone) return { country: fallback ?? null, text: value };
  const country =
    phone.country ?? (fallback && getCountryCallingCode(fallback) === phone.countryCallingCode ? fallback : undefined);
  return country ? { country, text: phone.formatNational() } : { country: null, text: phone.formatInternational() };
}

/** The value of a draft: E.164 when the text reads as a number in its country, the text itself otherwise. */
function valueOf(draft: Draft): string | undefined {
  const text = draft.text.trim();
  if (text === '') return undefined;
  return parsePhoneNumberFromString(text, draft.country ?? undefined)?.number ?? text;
}

/** 🇬🇪 from GE: the two regional indicator symbols of the code. */
const flag = (code: string) => String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));

/** Every country libphonenumber knows, by name in the language: "🇬🇪 Georgia +995". */
function countryOptions(language: string): { value: CountryCode; label: string }[] {
  const names = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' });
  return getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, language))
    .map(({ code, name }) => ({ value: code, label: `${flag(code)} ${name} +${getCountryCallingCode(code)}` }));
}

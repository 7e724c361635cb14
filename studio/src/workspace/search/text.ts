import { featureText } from '../../i18n/feature';

/** The strings of global search, mounted under `search.` */
export const searchText = featureText({
  en: {
    open: 'Search',
    title: 'Search records',
    placeholder: 'Find companies, deals, contacts… by name',
    hint: 'Type part of a name. ↑ ↓ to choose, Enter to open.',
    nothing: 'Nothing found for “{{text}}”',
    searching: 'Searching…',
    failed: 'Search failed: {{message}}',
    more: '{{shown}} of {{total}}',
  },
  ru: {
    open: 'Поиск',
    title: 'Поиск записей',
    placeholder: 'Компании, сделки, контакты… по названию',
    hint: 'Введите часть названия. ↑ ↓ — выбрать, Enter — открыть.',
    nothing: 'По запросу «{{text}}» ничего не найдено',
    searching: 'Ищем…',
    failed: 'Поиск не удался: {{message}}',
    more: '{{shown}} из {{total}}',
  },
  ka: {
    open: 'ძიება',
    title: 'ჩანაწერების ძიება',
    placeholder: 'კომპანიები, გარიგებები, კონტაქტები… სახელით',
    hint: 'აკრიფეთ სახელის ნაწილი. ↑ ↓ — არჩევა, Enter — გახსნა.',
    nothing: '„{{text}}“ — ვერაფერი მოიძებნა',
    searching: 'ვეძებთ…',
    failed: 'ძიება ვერ მოხერხდა: {{message}}',
    more: '{{shown}} / {{total}}',
  },
});

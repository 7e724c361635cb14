import type { manifestText } from '../../../manifest/text';
import type { Shape } from '../../feature';

/** Kazakh: manifest export and import (`manifest.`). */
export const manifest: Shape<typeof manifestText.en> = {
  title: 'Манифест',
  export: {
    title: 'Экспорт',
    explain:
      'Кеңістіктің метадеректерін — нысандарды, өрістерді, воронкаларды, процестерді, рөлдерді — manifest.json файлы ретінде жүктеп алыңыз.',
    button: 'manifest.json жүктеп алу',
    failed: 'Экспорттау мүмкін болмады',
  },
  import: {
    title: 'Импорт',
    explain:
      'Манифест файлын таңдаңыз: ештеңе қолданылмас бұрын оның не өзгертетінін көресіз. Ол жойған өрістер мен нысандар себетке түседі.',
    file: 'Манифест файлы',
    placeholder: '.json файлын таңдаңыз',
    planning: 'Импорт жоспарлануда (сынақ режимі)…',
    invalidJson: 'Бұл файл дұрыс JSON емес',
    at: '{{line}}-жол, {{column}}-баған',
    refused: 'Манифестте қателер бар; ештеңе қолданылмады',
    problems: 'Манифест қателері',
    path: 'Манифесттегі орны',
    problem: 'Қате',
    plan: 'Бұл манифестті қолдану мына өзгерістерді енгізеді:',
    allowDestructive: 'Деректерді жоятын өзгерістер бар екенін түсінемін: {{count}} (деректер себетке түседі)',
    apply: 'Манифестті қолдану',
    applied: 'Манифест қолданылды',
    appliedAs: 'Өзгерістер — {{revision}}-ревизия; оларды Тарихта қайтаруға болады.',
  },
};

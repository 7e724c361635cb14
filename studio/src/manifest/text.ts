import { featureText } from '../i18n/feature';

/** The strings of this section, mounted under `manifest.` */
export const manifestText = featureText({
  en: {
    title: 'Manifest',
    export: {
      title: 'Export',
      explain: 'Download the workspace’s metadata — objects, fields, pipelines, workflows, roles — as manifest.json.',
      button: 'Download manifest.json',
      failed: 'Could not export',
    },
    import: {
      title: 'Import',
      explain:
        'Choose a manifest file: you see what it would change before anything is applied. Fields and objects it removes go to the trash.',
      file: 'Manifest file',
      placeholder: 'Choose a .json file',
      planning: 'Planning the import (dry run)…',
      invalidJson: 'This file is not valid JSON',
      at: 'Line {{line}}, column {{column}}',
      refused: 'The manifest has problems; nothing was applied',
      problems: 'Problems of the manifest',
      path: 'Where in the manifest',
      problem: 'Problem',
      plan: 'Applying this manifest will make these changes:',
      allowDestructive: 'I understand that {{count}} change(s) remove data (it goes to the trash)',
      apply: 'Apply manifest',
      applied: 'Manifest applied',
      appliedAs: 'The changes are revision {{revision}}; History can revert them.',
    },
  },
  ru: {
    title: 'Манифест',
    export: {
      title: 'Экспорт',
      explain: 'Скачайте метаданные пространства — объекты, поля, воронки, процессы, роли — в файле manifest.json.',
      button: 'Скачать manifest.json',
      failed: 'Не удалось экспортировать',
    },
    import: {
      title: 'Импорт',
      explain:
        'Выберите файл манифеста: вы увидите, что он изменит, до того как что-либо будет применено. Удаляемые поля и объекты попадают в корзину.',
      file: 'Файл манифеста',
      placeholder: 'Выберите файл .json',
      planning: 'Планируем импорт (пробный прогон)…',
      invalidJson: 'Этот файл — не корректный JSON',
      at: 'Строка {{line}}, столбец {{column}}',
      refused: 'В манифесте есть ошибки; ничего не применено',
      problems: 'Ошибки манифеста',
      path: 'Место в манифесте',
      problem: 'Ошибка',
      plan: 'Применение манифеста внесёт такие изменения:',
      allowDestructive: 'Я понимаю, что изменений, удаляющих данные: {{count}} (данные попадут в корзину)',
      apply: 'Применить манифест',
      applied: 'Манифест применён',
      appliedAs: 'Изменения — ревизия {{revision}}; их можно откатить в истории.',
    },
  },
  ka: {
    title: 'მანიფესტი',
    export: {
      title: 'ექსპორტი',
      explain:
        'ჩამოტვირთეთ სივრცის მეტამონაცემები — ობიექტები, ველები, ძაბრები, პროცესები, როლები — ფაილად manifest.json.',
      button: 'manifest.json-ის ჩამოტვირთვა',
      failed: 'ექსპორტი ვერ მოხერხდა',
    },
    import: {
      title: 'იმპორტი',
      explain:
        'აირჩიეთ მანიფესტის ფაილი: ნახავთ, რას შეცვლის, სანამ რამე გამოიყენება. წაშლილი ველები და ობიექტები სანაგვეში გადადის.',
      file: 'მანიფესტის ფაილი',
      placeholder: 'აირჩიეთ .json ფაილი',
      planning: 'იმპორტის დაგეგმვა (საცდელი გაშვება)…',
      invalidJson: 'ეს ფაილი სწორი JSON არ არის',
      at: 'სტრიქონი {{line}}, სვეტი {{column}}',
      refused: 'მანიფესტს აქვს პრობლემები; არაფერი გამოყენებულა',
      problems: 'მანიფესტის პრობლემები',
      path: 'ადგილი მანიფესტში',
      problem: 'პრობლემა',
      plan: 'ამ მანიფესტის გამოყენება ამ ცვლილებებს შეიტანს:',
      allowDestructive: 'მესმის, რომ {{count}} ცვლილება შლის მონაცემებს (ისინი სანაგვეში გადავა)',
      apply: 'მანიფესტის გამოყენება',
      applied: 'მანიფესტი გამოყენებულია',
      appliedAs: 'ცვლილებები არის რევიზია {{revision}}; ისტორიაში შეგიძლიათ გააუქმოთ.',
    },
  },
});

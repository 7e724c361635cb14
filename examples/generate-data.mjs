#!/usr/bin/env node
// Writes the sample data of the example apps: sales-crm/data.json and helpdesk/data.json.
//
// Deterministic: a seeded PRNG (mulberry32) and a fixed reference date, so running it twice writes the same
// bytes. No dependencies. Run with `npm run generate -w examples` or `node examples/generate-data.mjs`.
//
// Format: { "records": { "<object>": [ { "_ref": "<object>-1", "<field>": value, … } ] } }, objects in
// dependency order. A many-to-one value is { "_ref": "…" }, a many-to-many value a list of them. System
// fields (id, createdAt, …) and owner are left to the loader.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** "Now" for the sample data: tasks are overdue, due today or upcoming relative to this instant. */
export const REFERENCE = Date.UTC(2026, 10, 2, 9, 0, 0); // 2026-11-02T09:00:00Z
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  /** pairs: [[value, weight], …] */
  const weighted = (pairs) => {
    const total = pairs.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  };
  const shuffle = (list) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('');
  return { next, int, pick, chance, weighted, shuffle, digits };
}

// ---------------------------------------------------------------------------------------------------------
// Formatting helpers
// ---------------------------------------------------------------------------------------------------------

/** ISO 8601 in UTC, to the minute: 2026-11-02T09:00:00Z. */
const iso = (ms) => new Date(Math.floor(ms / MINUTE) * MINUTE).toISOString().replace('.000Z', 'Z');
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const ref = (key) => ({ _ref: key });
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
/** An amount with at most two decimals (the minor units of USD, EUR, GEL, KZT and UZS). */
const money = (amount, currency) => ({ amount: Math.round(amount * 100) / 100, currency });

/** One record per line: small diffs, still valid JSON. */
function writeData(path, records) {
  const objects = Object.entries(records);
  const lines = ['{', '  "records": {'];
  objects.forEach(([name, list], i) => {
    lines.push(`    ${JSON.stringify(name)}: [`);
    list.forEach((record, j) => lines.push(`      ${JSON.stringify(record)}${j < list.length - 1 ? ',' : ''}`));
    lines.push(`    ]${i < objects.length - 1 ? ',' : ''}`);
  });
  lines.push('  }', '}', '');
  const text = lines.join('\n');
  writeFileSync(path, text);
  return text.length;
}

// ---------------------------------------------------------------------------------------------------------
// People and places
// ---------------------------------------------------------------------------------------------------------

// Names are "Native|latin"; the latin form builds e-mail addresses.
const split = (entry) => {
  const [native, latin] = entry.split('|');
  return { native, latin: latin ?? native.toLowerCase() };
};

const CULTURES = {
  ge: {
    lang: 'ka',
    male: ['გიორგი|giorgi', 'ლევან|levan', 'დავით|davit', 'ირაკლი|irakli', 'ლუკა|luka', 'ნიკა|nika', 'ზურაბ|zurab'],
    female: ['ნინო|nino', 'თამარ|tamar', 'მარიამ|mariam', 'ანა|ana', 'სალომე|salome', 'ეკა|eka', 'ქეთევან|ketevan'],
    surnames: [
      'ბერიძე|beridze',
      'კაპანაძე|kapanadze',
      'გელაშვილი|gelashvili',
      'მაისურაძე|maisuradze',
      'ლომიძე|lomidze',
      'წიკლაური|tsiklauri',
      'ჯაფარიძე|japaridze',
      'ჩხეიძე|chkheidze',
      'აბაშიძე|abashidze',
      'კვარაცხელია|kvaratskhelia',
      'ხარაიშვილი|kharaishvili',
      'ნოზაძე|nozadze',
    ],
    freeMail: ['gmail.com', 'yahoo.com'],
    jobTitles: [
      'გენერალური დირექტორი',
      'ფინანსური დირექტორი',
      'გაყიდვების მენეჯერი',
      'შესყიდვების მენეჯერი',
      'IT მენეჯერი',
      'ოპერაციების დირექტორი',
      'Head of Sales',
    ],
  },
  kk: {
    lang: 'kk',
    male: ['Нурлан|nurlan', 'Ерлан|erlan', 'Даурен|dauren', 'Асхат|askhat', 'Бауыржан|baurzhan', 'Арман|arman'],
    female: ['Айгерим|aigerim', 'Динара|dinara', 'Жанар|zhanar', 'Асель|asel', 'Салтанат|saltanat', 'Мадина|madina'],
    // Surnames are "male|latin|female".
    surnames: [
      'Ахметов|akhmetov|Ахметова',
      'Касымов|kassymov|Касымова',
      'Оспанов|ospanov|Оспанова',
      'Бекмуханов|bekmukhanov|Бекмуханова',
      'Искаков|iskakov|Искакова',
      'Сатпаев|satpayev|Сатпаева',
      'Жумабаев|zhumabayev|Жумабаева',
      'Нурланов|nurlanov|Нурланова',
    ],
    freeMail: ['mail.ru', 'gmail.com'],
    jobTitles: [
      'Бас директор',
      'Қаржы директоры',
      'Сатып алу менеджері',
      'IT бөлімінің басшысы',
      'Коммерциялық директор',
    ],
  },
  ru: {
    lang: 'ru',
    male: ['Алексей|aleksey', 'Дмитрий|dmitry', 'Сергей|sergey', 'Андрей|andrey', 'Михаил|mikhail', 'Иван|ivan'],
    female: ['Екатерина|ekaterina', 'Ольга|olga', 'Наталья|natalya', 'Анна|anna', 'Мария|maria', 'Елена|elena'],
    surnames: [
      'Иванов|ivanov|Иванова',
      'Смирнов|smirnov|Смирнова',
      'Кузнецов|kuznetsov|Кузнецова',
      'Попов|popov|Попова',
      'Волков|volkov|Волкова',
      'Соколов|sokolov|Соколова',
      'Морозов|morozov|Морозова',
      'Лебедев|lebedev|Лебедева',
    ],
    freeMail: ['mail.ru', 'yandex.ru', 'gmail.com'],
    jobTitles: [
      'Генеральный директор',
      'Финансовый директор',
      'Коммерческий директор',
      'Менеджер по закупкам',
      'Руководитель IT-отдела',
      'Директор по продажам',
      'Главный бухгалтер',
    ],
  },
  uz: {
    lang: 'uz',
    male: ['Jasur', 'Bekzod', 'Sardor', 'Otabek', 'Rustam', 'Aziz', 'Sherzod'],
    female: ['Dilnoza', 'Gulnora', 'Malika', 'Nigora', 'Shahnoza', 'Kamola', 'Zarina'],
    surnames: [
      'Karimov|karimov|Karimova',
      'Rahimov|rahimov|Rahimova',
      'Tursunov|tursunov|Tursunova',
      'Yusupov|yusupov|Yusupova',
      'Abdullayev|abdullayev|Abdullayeva',
      'Mirzayev|mirzayev|Mirzayeva',
      'Xolmatov|kholmatov|Xolmatova',
      'Ergashev|ergashev|Ergasheva',
    ],
    freeMail: ['mail.ru', 'gmail.com'],
    jobTitles: [
      'Bosh direktor',
      'Moliya direktori',
      'Tijorat direktori',
      'Xaridlar boʻyicha menejer',
      'IT boʻlimi boshligʻi',
      'Savdo menejeri',
    ],
  },
  mw: {
    lang: 'ny',
    male: ['Kondwani', 'Limbani', 'Tiyamike', 'Yamikani', 'Blessings', 'Chikondi', 'Mphatso'],
    female: ['Thokozani', 'Tadala', 'Chimwemwe', 'Takondwa', 'Chisomo', 'Mercy', 'Grace'],
    surnames: ['Banda', 'Phiri', 'Mwale', 'Chirwa', 'Nyirenda', 'Kumwenda', 'Gondwe', 'Mbewe', 'Chisale', 'Kachingwe'],
    freeMail: ['gmail.com', 'yahoo.com'],
    jobTitles: [
      'Managing Director',
      'Finance Manager',
      'Procurement Officer',
      'Operations Manager',
      'IT Officer',
      'Sales Manager',
    ],
  },
  us: {
    lang: 'en',
    male: ['James', 'Michael', 'David', 'Daniel', 'Ryan', 'Marcus', 'Kevin'],
    female: ['Emily', 'Sarah', 'Jessica', 'Olivia', 'Megan', 'Priya', 'Hannah'],
    surnames: ['Carter', 'Thompson', 'Nguyen', 'Patel', 'Rodriguez', 'Miller', 'Johnson', 'Brooks', 'Sullivan', 'Kim'],
    freeMail: ['gmail.com', 'outlook.com'],
    jobTitles: [
      'Chief Executive Officer',
      'Chief Financial Officer',
      'Head of Sales',
      'Procurement Manager',
      'IT Director',
      'Operations Director',
      'Marketing Manager',
    ],
  },
  de: {
    lang: 'en',
    male: ['Lukas', 'Jonas', 'Felix', 'Maximilian', 'Tobias', 'Jan'],
    female: ['Anna', 'Lea', 'Sophie', 'Laura', 'Katharina', 'Julia'],
    surnames: [
      'Müller|mueller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weber',
      'Becker',
      'Wagner',
      'Hoffmann',
      'Schäfer|schaefer',
    ],
    freeMail: ['gmx.de', 'web.de'],
    jobTitles: ['Geschäftsführer', 'Head of Sales', 'Einkaufsleiter', 'IT-Leiter', 'CFO', 'Operations Manager'],
  },
};

/** Mobile and landline numbers per country, written as people write them; all valid E.164 once spaces go. */
function phoneMaker(rnd) {
  const d = rnd.digits;
  const nz = () => String(rnd.int(2, 9)); // a digit that may start a subscriber number
  return {
    GE: {
      mobile: () =>
        `+995 ${rnd.pick(['555', '557', '558', '568', '571', '574', '577', '591', '592', '593', '595', '596', '597', '598', '599'])} ${d(2)} ${d(2)} ${d(2)}`,
      landline: (area = '32') =>
        area === '32' ? `+995 32 2${d(2)} ${d(2)} ${d(2)}` : `+995 ${area} ${nz()}${d(1)} ${d(2)} ${d(2)}`,
    },
    KZ: {
      mobile: () =>
        `+7 ${rnd.pick(['700', '701', '702', '705', '707', '747', '771', '775', '777', '778'])} ${nz()}${d(2)} ${d(2)} ${d(2)}`,
      landline: (area = '727') =>
        area.length === 3 ? `+7 ${area} ${nz()}${d(2)} ${d(2)} ${d(2)}` : `+7 ${area} ${nz()}${d(1)} ${d(2)} ${d(2)}`,
    },
    UZ: {
      mobile: () =>
        `+998 ${rnd.pick(['90', '91', '93', '94', '95', '97', '98', '99', '33', '88'])} ${nz()}${d(2)} ${d(2)} ${d(2)}`,
      landline: (area = '71') => `+998 ${area} 22${d(1)} ${d(2)} ${d(2)}`,
    },
    MW: {
      mobile: () => `+265 ${rnd.pick(['99', '88'])}${nz()} ${d(3)} ${d(3)}`,
      landline: (first = '7') => `+265 1 ${first}${d(2)} ${d(3)}`,
    },
    US: {
      mobile: (area = rnd.pick(['212', '415', '646', '617', '312', '206'])) =>
        `+1 ${area} ${rnd.pick(['867', '734', '392', '628', '945', '273', '481'])} ${rnd.int(2, 9)}${d(3)}`,
      landline: (area) =>
        `+1 ${area ?? '415'} ${rnd.pick(['867', '734', '392', '628', '945', '273', '481'])} ${rnd.int(2, 9)}${d(3)}`,
    },
    DE: {
      mobile: () => `+49 ${rnd.pick(['151', '152', '157', '160', '170', '171', '176'])} ${nz()}${d(7)}`,
      landline: (area = '30') => `+49 ${area} ${nz()}${d(6)}`,
    },
  };
}

/** Countries' default currencies for the sample data. */
const COUNTRY_CURRENCY = { GE: 'GEL', KZ: 'KZT', UZ: 'UZS', MW: 'USD', US: 'USD', DE: 'EUR' };

function personMaker(rnd) {
  /** A person of a culture: native-script names plus a latin form for e-mail. */
  return (cultureKey) => {
    const culture = CULTURES[cultureKey];
    const female = rnd.chance(0.5);
    const first = split(rnd.pick(female ? culture.female : culture.male));
    const [male, latin, fem] = rnd.pick(culture.surnames).split('|');
    // Feminine surnames add an "a" in Russian, Kazakh and Uzbek: Ivanov → Ivanova, Karimov → Karimova.
    const last = {
      native: female && fem ? fem : male,
      latin: (latin ?? male.toLowerCase()) + (female && fem ? 'a' : ''),
    };
    const ascii = (s) =>
      s
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z]/g, '');
    return {
      culture: cultureKey,
      lang: culture.lang,
      firstName: first.native,
      lastName: last.native,
      firstLatin: ascii(first.latin),
      lastLatin: ascii(last.latin),
      jobTitle: rnd.pick(culture.jobTitles),
      freeMail: culture.freeMail,
    };
  };
}

/** Unique e-mail addresses: first.last@domain, then first.last2@domain, … */
function emailMaker() {
  const used = new Set();
  return (person, domain) => {
    for (let n = 1; ; n++) {
      const local = `${person.firstLatin}.${person.lastLatin}${n > 1 ? n : ''}`;
      const email = `${local}@${domain}`;
      if (!used.has(email)) {
        used.add(email);
        return email;
      }
    }
  };
}

// =========================================================================================================
// Sales CRM
// =========================================================================================================

const COMPANIES = [
  // Georgia
  [
    'Tbilisi Logistics LLC',
    'tbilisilogistics.ge',
    'GE',
    'logistics',
    ['12 Tsereteli Ave', 'Tbilisi', 'Tbilisi', '0154', '32'],
    ['ge', 'ge', 'ru'],
  ],
  [
    'შპს ქართული ღვინის სახლი',
    'winehouse.ge',
    'GE',
    'manufacturing',
    ['Chavchavadze St 7', 'Telavi', 'Kakheti', '2200', '350'],
    ['ge'],
  ],
  [
    'Batumi Port Services',
    'batumiport-services.ge',
    'GE',
    'logistics',
    ['Gogebashvili St 4', 'Batumi', 'Adjara', '6000', '422'],
    ['ge', 'ge', 'ru'],
  ],
  [
    'Kutaisi Agro Group',
    'kutaisiagro.ge',
    'GE',
    'agriculture',
    ['Rustaveli Ave 21', 'Kutaisi', 'Imereti', '4600', '431'],
    ['ge'],
  ],
  [
    'GeoPay Fintech',
    'geopay.ge',
    'GE',
    'finance',
    ['Chavchavadze Ave 37', 'Tbilisi', 'Tbilisi', '0179', '32'],
    ['ge', 'ge', 'us'],
  ],
  [
    'Rustaveli Medical Center',
    'rustavelimed.ge',
    'GE',
    'healthcare',
    ['Rustaveli Ave 40', 'Tbilisi', 'Tbilisi', '0108', '32'],
    ['ge'],
  ],
  [
    'შპს მთაწმინდა დეველოპმენტი',
    'mtatsminda-dev.ge',
    'GE',
    'construction',
    ['Kostava St 68', 'Tbilisi', 'Tbilisi', '0171', '32'],
    ['ge', 'ru'],
  ],
  [
    'Kazbegi Mountain Hotels',
    'kazbegihotels.ge',
    'GE',
    'hospitality',
    ['Kazbegi St 3', 'Stepantsminda', 'Mtskheta-Mtianeti', '4700', '345'],
    ['ge'],
  ],
  // Kazakhstan
  [
    'Алматы Трейд',
    'almatytrade.kz',
    'KZ',
    'retail',
    ['пр. Абая, 52', 'Алматы', 'Алматы', '050000', '727'],
    ['kk', 'ru'],
  ],
  [
    'Астана Строй Инвест',
    'astanastroy.kz',
    'KZ',
    'construction',
    ['ул. Кенесары, 40', 'Астана', 'Астана', '010000', '7172'],
    ['ru', 'kk'],
  ],
  [
    'Каспий Логистик',
    'caspianlogistic.kz',
    'KZ',
    'logistics',
    ['мкр. 14, зд. 23', 'Актау', 'Мангистауская область', '130000', '7292'],
    ['ru', 'kk'],
  ],
  [
    'Qazaq Digital',
    'qazaqdigital.kz',
    'KZ',
    'technology',
    ['пр. Мангилик Ел, 55/20', 'Астана', 'Астана', '010000', '7172'],
    ['kk', 'kk', 'ru'],
  ],
  [
    'Дала Сүт ЖШС',
    'dalasut.kz',
    'KZ',
    'agriculture',
    ['ул. Ломова, 181', 'Павлодар', 'Павлодарская область', '140000', '7182'],
    ['kk', 'ru'],
  ],
  [
    'Караганда Металл',
    'karmetall.kz',
    'KZ',
    'manufacturing',
    ['ул. Бухар-Жырау, 47', 'Караганда', 'Карагандинская область', '100000', '7212'],
    ['ru'],
  ],
  [
    'Steppe Energy',
    'steppe-energy.kz',
    'KZ',
    'energy',
    ['ул. Сатпаева, 17', 'Атырау', 'Атырауская область', '060000', '7122'],
    ['kk', 'ru', 'us'],
  ],
  [
    'Медицинский центр «Шипагер»',
    'shipager.kz',
    'KZ',
    'healthcare',
    ['ул. Толе би, 101', 'Алматы', 'Алматы', '050012', '727'],
    ['ru', 'kk'],
  ],
  // Uzbekistan
  [
    'Toshkent Agro',
    'toshkentagro.uz',
    'UZ',
    'agriculture',
    ['Amir Temur shoh koʻchasi, 15', 'Toshkent', 'Toshkent', '100000', '71'],
    ['uz'],
  ],
  [
    'Samarqand Textile',
    'samarqandtextile.uz',
    'UZ',
    'manufacturing',
    ['Registon koʻchasi, 8', 'Samarqand', 'Samarqand viloyati', '140100', '66'],
    ['uz', 'ru'],
  ],
  [
    'Buxoro Silk Road Tours',
    'silkroadtours.uz',
    'UZ',
    'hospitality',
    ['Bahouddin Naqshband koʻchasi, 2', 'Buxoro', 'Buxoro viloyati', '200100', '65'],
    ['uz'],
  ],
  [
    'Fargʻona Meva Export',
    'fargonameva.uz',
    'UZ',
    'agriculture',
    ['Al-Fargʻoniy koʻchasi, 30', 'Fargʻona', 'Fargʻona viloyati', '150100', '73'],
    ['uz'],
  ],
  [
    'Navoiy Kon Taʼminot',
    'navoiykon.uz',
    'UZ',
    'energy',
    ['Navoiy koʻchasi, 27', 'Navoiy', 'Navoiy viloyati', '210100', '79'],
    ['uz', 'ru'],
  ],
  [
    'Algoritm Soft',
    'algoritmsoft.uz',
    'UZ',
    'technology',
    ['Mirzo Ulugʻbek koʻchasi, 56', 'Toshkent', 'Toshkent', '100125', '71'],
    ['uz', 'ru'],
  ],
  [
    'Osiyo Qurilish',
    'osiyoqurilish.uz',
    'UZ',
    'construction',
    ['Bunyodkor shoh koʻchasi, 12', 'Toshkent', 'Toshkent', '100043', '71'],
    ['uz'],
  ],
  [
    'Turon Lizing',
    'turonlizing.uz',
    'UZ',
    'finance',
    ['Istiqlol koʻchasi, 5', 'Toshkent', 'Toshkent', '100017', '71'],
    ['uz', 'ru'],
  ],
  // Malawi
  [
    'Lilongwe Fresh Produce',
    'lilongwefresh.co.mw',
    'MW',
    'agriculture',
    ['Area 3, Kamuzu Procession Road', 'Lilongwe', 'Central Region', undefined, '7'],
    ['mw'],
  ],
  [
    'Blantyre Tea Estates',
    'blantyretea.co.mw',
    'MW',
    'manufacturing',
    ['Chipembere Highway, Ginnery Corner', 'Blantyre', 'Southern Region', undefined, '8'],
    ['mw'],
  ],
  [
    'Mzuzu Coffee Cooperative',
    'mzuzucoffee.co.mw',
    'MW',
    'agriculture',
    ['Orton Chirwa Avenue', 'Mzuzu', 'Northern Region', undefined, '3'],
    ['mw'],
  ],
  [
    'Zomba Solar Ltd',
    'zombasolar.co.mw',
    'MW',
    'energy',
    ['Kamuzu Highway', 'Zomba', 'Southern Region', undefined, '5'],
    ['mw', 'us'],
  ],
  [
    'Lake Malawi Lodges',
    'lakemalawilodges.co.mw',
    'MW',
    'hospitality',
    ['Cape Maclear Road', 'Mangochi', 'Southern Region', undefined, '5'],
    ['mw'],
  ],
  [
    'Chisomo Clinics',
    'chisomoclinics.co.mw',
    'MW',
    'healthcare',
    ['Area 47, Presidential Way', 'Lilongwe', 'Central Region', undefined, '7'],
    ['mw'],
  ],
  // United States
  [
    'Harbor Analytics Inc.',
    'harboranalytics.com',
    'US',
    'technology',
    ['500 Howard St', 'San Francisco', 'CA', '94105', '415'],
    ['us'],
  ],
  [
    'Brooklyn Coffee Roasters',
    'brooklyncoffeeroasters.com',
    'US',
    'retail',
    ['85 Water St', 'Brooklyn', 'NY', '11201', '718'],
    ['us'],
  ],
  [
    'Evergreen Health Partners',
    'evergreenhealthpartners.com',
    'US',
    'healthcare',
    ['1420 5th Ave', 'Seattle', 'WA', '98101', '206'],
    ['us'],
  ],
  [
    'Summit Freight Co.',
    'summitfreight.com',
    'US',
    'logistics',
    ['1700 Lincoln St', 'Denver', 'CO', '80203', '303'],
    ['us'],
  ],
  [
    'Brightpath Learning',
    'brightpathlearning.com',
    'US',
    'education',
    ['233 S Wacker Dr', 'Chicago', 'IL', '60606', '312'],
    ['us'],
  ],
  [
    'Redwood Capital Advisors',
    'redwoodcapitaladvisors.com',
    'US',
    'finance',
    ['200 Clarendon St', 'Boston', 'MA', '02116', '617'],
    ['us'],
  ],
  // Germany
  [
    'Berlin Solar GmbH',
    'berlinsolar.de',
    'DE',
    'energy',
    ['Friedrichstraße 68', 'Berlin', 'Berlin', '10117', '30'],
    ['de'],
  ],
  [
    'Hamburg Hafen Logistik GmbH',
    'hh-hafenlogistik.de',
    'DE',
    'logistics',
    ['Am Sandtorkai 50', 'Hamburg', 'Hamburg', '20457', '40'],
    ['de'],
  ],
  [
    'Isar Bau GmbH',
    'isarbau.de',
    'DE',
    'construction',
    ['Leopoldstraße 20', 'München', 'Bayern', '80802', '89'],
    ['de'],
  ],
  [
    'Rheinland Klinikbedarf GmbH',
    'rheinland-klinikbedarf.de',
    'DE',
    'healthcare',
    ['Hohenzollernring 72', 'Köln', 'Nordrhein-Westfalen', '50672', '221'],
    ['de', 'us'],
  ],
];

/** Which language a record about this culture is written in. */
const LANG = { ge: 'ka', kk: 'kk', ru: 'ru', uz: 'uz', mw: 'en', us: 'en', de: 'en' };

const PRODUCTS = [
  [
    'Cloud CRM Starter (annual, per seat)',
    'CRM-STR-12',
    240,
    'subscription',
    true,
    'Contacts, deals and tasks for small teams. Billed yearly per user.',
  ],
  [
    'Cloud CRM Business (annual, per seat)',
    'CRM-BUS-12',
    480,
    'subscription',
    true,
    'Everything in Starter plus pipelines, workflows and dashboards. Billed yearly per user.',
  ],
  [
    'Cloud CRM Enterprise (annual, per seat)',
    'CRM-ENT-12',
    900,
    'subscription',
    true,
    'Business plus roles, audit history, single sign-on and a 99.9% uptime SLA.',
  ],
  [
    'Onboarding and data migration',
    'SRV-ONB-01',
    2500,
    'service',
    true,
    'Import from spreadsheets or another CRM, pipeline set-up and two weeks of hand-holding.',
  ],
  [
    'Admin training (2 days, on-site or remote)',
    'TRN-ADM-02',
    1400,
    'training',
    true,
    'Two-day course for administrators: objects, fields, workflows and permissions.',
  ],
  [
    'Premium support (annual)',
    'SUP-PRM-12',
    3000,
    'service',
    true,
    '24/7 support in English and Russian, 4-hour response for urgent issues, named account manager.',
  ],
  [
    'Barcode scanner kit',
    'HW-SCN-10',
    650,
    'hardware',
    false,
    'Bluetooth scanner and stand for warehouse teams. Discontinued: no longer offered in new deals.',
  ],
];

// What a deal is about, per language, and which products (indexes into PRODUCTS) it includes, with an amount range.
const DEAL_TOPICS = [
  {
    en: 'CRM rollout',
    ru: 'внедрение CRM',
    ka: 'CRM-ის დანერგვა',
    kk: 'CRM енгізу',
    uz: 'CRM joriy etish',
    products: [1, 3, 4],
    range: [15000, 120000],
  },
  {
    en: 'licence renewal',
    ru: 'продление лицензий',
    ka: 'ლიცენზიების განახლება',
    kk: 'лицензияларды ұзарту',
    uz: 'litsenziyalarni uzaytirish',
    products: [1],
    range: [1200, 40000],
  },
  {
    en: 'sales team expansion',
    ru: 'расширение отдела продаж',
    ka: 'გაყიდვების გუნდის გაფართოება',
    kk: 'сату бөлімін кеңейту',
    uz: 'savdo boʻlimini kengaytirish',
    products: [1],
    range: [5000, 60000],
  },
  {
    en: 'premium support',
    ru: 'премиум-поддержка',
    ka: 'პრემიუმ მხარდაჭერა',
    kk: 'премиум қолдау',
    uz: 'premium qoʻllab-quvvatlash',
    products: [5],
    range: [3000, 30000],
  },
  {
    en: 'pilot project',
    ru: 'пилотный проект',
    ka: 'საპილოტე პროექტი',
    kk: 'пилоттық жоба',
    uz: 'pilot loyiha',
    products: [0],
    range: [500, 6000],
  },
  {
    en: 'data migration',
    ru: 'миграция данных',
    ka: 'მონაცემების მიგრაცია',
    kk: 'деректерді көшіру',
    uz: 'maʼlumotlarni koʻchirish',
    products: [3],
    range: [2500, 25000],
  },
  {
    en: 'Enterprise upgrade',
    ru: 'переход на Enterprise',
    ka: 'Enterprise-ზე გადასვლა',
    kk: 'Enterprise-ке көшу',
    uz: 'Enterprise tarifiga oʻtish',
    products: [2, 5],
    range: [50000, 250000],
  },
  {
    en: 'training programme',
    ru: 'программа обучения',
    ka: 'სასწავლო პროგრამა',
    kk: 'оқыту бағдарламасы',
    uz: 'oʻqitish dasturi',
    products: [4],
    range: [1400, 15000],
  },
  {
    en: 'warehouse scanners',
    ru: 'сканеры для склада',
    ka: 'საწყობის სკანერები',
    kk: 'қоймаға арналған сканерлер',
    uz: 'ombor uchun skanerlar',
    products: [6, 0],
    range: [1300, 20000],
    closedOnly: true,
  },
];

const LOST_REASONS = {
  en: [
    'Chose a competitor with a lower price.',
    'Budget frozen until the next fiscal year.',
    'Never reached the decision maker; the project stalled.',
    'Decided to build an in-house solution.',
    'Needed on-premise hosting, which we do not offer.',
  ],
  ru: [
    'Выбрали конкурента с более низкой ценой.',
    'Бюджет заморожен до следующего года.',
    'Так и не вышли на лицо, принимающее решение.',
    'Решили разрабатывать систему своими силами.',
    'Нужна локальная установка, которой у нас нет.',
  ],
  ka: [
    'აირჩიეს კონკურენტი უფრო დაბალი ფასით.',
    'ბიუჯეტი გაყინულია მომავალ წლამდე.',
    'გადაწყვეტილების მიმღებთან ვერ დავუკავშირდით.',
  ],
  kk: [
    'Бағасы төмен бәсекелесті таңдады.',
    'Бюджет келесі жылға дейін тоқтатылды.',
    'Шешім қабылдаушымен байланыса алмадық.',
  ],
  uz: [
    'Arzonroq narxli raqobatchini tanlashdi.',
    'Byudjet keyingi yilgacha muzlatildi.',
    'Qaror qabul qiluvchi bilan bogʻlana olmadik.',
  ],
};

const LEAD_COMPANIES = {
  ge: [
    ['Rustavi Steel Trading', 'rustavisteel.ge'],
    ['Gori Fruit Export', 'gorifruit.ge'],
    ['შპს ახალი ბინა', 'akhalibina.ge'],
    ['Telavi Wine Co', 'telaviwine.ge'],
    ['Zugdidi Hazelnut', 'zugdidihazelnut.ge'],
    ['Borjomi Springs Resort', 'borjomisprings.ge'],
  ],
  kk: [
    ['Павлодар Энерго', 'pavlodarenergo.kz'],
    ['Ақтөбе Мұнай Сервис', 'aktobemunai.kz'],
    ['Қостанай Астық', 'kostanayastyk.kz'],
    ['Nomad Foods KZ', 'nomadfoods.kz'],
    ['Түркістан Тур', 'turkistantour.kz'],
  ],
  ru: [
    ['Актобе Нефтесервис', 'aktobeneft.kz'],
    ['Семей Мебель', 'semeymebel.kz'],
    ['Уральск Агро', 'uralskagro.kz'],
    ['Евразия Фарм', 'eurasiapharm.kz'],
  ],
  uz: [
    ['Andijon Avto Servis', 'andijonavto.uz'],
    ['Namangan Tekstil', 'namangantekstil.uz'],
    ['Qarshi Gaz Servis', 'qarshigaz.uz'],
    ['Xiva Travel', 'xivatravel.uz'],
    ['Termiz Logistika', 'termizlogistika.uz'],
    ['Nukus Baliq', 'nukusbaliq.uz'],
  ],
  mw: [
    ['Mangochi Fisheries', 'mangochifisheries.co.mw'],
    ['Kasungu Tobacco Growers', 'kasungutobacco.co.mw'],
    ['Salima Sugar Traders', 'salimasugar.co.mw'],
    ['Dedza Pottery', 'dedzapottery.co.mw'],
    ['Karonga Transport', 'karongatransport.co.mw'],
  ],
  us: [
    ['Lakeside Dental Group', 'lakesidedental.com'],
    ['Pinecrest Realty', 'pinecrestrealty.com'],
    ['Metro Fitness Clubs', 'metrofitnessclubs.com'],
    ['Golden Gate Catering', 'goldengatecatering.com'],
  ],
  de: [
    ['Dresden Feinmechanik GmbH', 'dresden-feinmechanik.de'],
    ['Nordsee Fisch AG', 'nordseefisch.de'],
  ],
};
const LEAD_COUNTRY = { ge: 'GE', kk: 'KZ', ru: 'KZ', uz: 'UZ', mw: 'MW', us: 'US', de: 'DE' };

const LEAD_NEEDS = {
  en: [
    'demo request',
    'pricing for {n} users',
    'replacing spreadsheets',
    'CRM for field sales',
    'help desk and CRM bundle',
    'onboarding and training',
  ],
  ru: [
    'запрос демо',
    'цена на {n} пользователей',
    'переход с Excel',
    'CRM для выездных продаж',
    'CRM и служба поддержки',
    'внедрение и обучение',
  ],
  ka: [
    'დემოს მოთხოვნა',
    'ფასი {n} მომხმარებელზე',
    'Excel-იდან გადასვლა',
    'CRM გაყიდვების გუნდისთვის',
    'დანერგვა და ტრენინგი',
  ],
  kk: ['демо сұрауы', '{n} пайдаланушыға баға', 'Excel-ден көшу', 'сату бөліміне арналған CRM', 'енгізу және оқыту'],
  uz: [
    'demo soʻrovi',
    '{n} foydalanuvchi uchun narx',
    'Excel dan oʻtish',
    'savdo boʻlimi uchun CRM',
    'joriy etish va oʻqitish',
  ],
};

const TASK_TITLES = {
  en: {
    call: ['Call {name} about next steps', 'Follow-up call with {name}', 'Check in with {name} on the proposal'],
    email: ['Send proposal to {name}', 'Email pricing to {company}', 'Send contract draft to {company}'],
    meeting: ['Demo meeting with {company}', 'On-site visit at {company}', 'Negotiation meeting with {name}'],
    todo: ['Prepare quote for {company}', 'Update forecast for {company}', 'Check payment terms for {company}'],
  },
  ru: {
    call: ['Звонок: {name}', 'Перезвонить: {name}', 'Обсудить КП по телефону: {name}'],
    email: ['Отправить КП: {company}', 'Отправить договор: {company}', 'Выслать прайс: {company}'],
    meeting: ['Демо для {company}', 'Встреча в офисе: {company}', 'Переговоры: {name}'],
    todo: ['Подготовить счёт: {company}', 'Обновить прогноз: {company}', 'Проверить условия оплаты: {company}'],
  },
  ka: {
    call: ['ზარი: {name}', 'განმეორებითი ზარი: {name}'],
    email: ['კომერციული შეთავაზების გაგზავნა: {company}', 'ხელშეკრულების პროექტის გაგზავნა: {company}'],
    meeting: ['დემო შეხვედრა: {company}', 'შეხვედრა ოფისში: {company}'],
    todo: ['ინვოისის მომზადება: {company}', 'პროგნოზის განახლება: {company}'],
  },
  kk: {
    call: ['Қоңырау шалу: {name}', 'Қайта қоңырау шалу: {name}'],
    email: ['Коммерциялық ұсыныс жіберу: {company}', 'Шарт жобасын жіберу: {company}'],
    meeting: ['Демо кездесу: {company}', 'Кеңседе кездесу: {company}'],
    todo: ['Шот дайындау: {company}', 'Болжамды жаңарту: {company}'],
  },
  uz: {
    call: ['Qoʻngʻiroq qilish: {name}', 'Qayta qoʻngʻiroq: {name}'],
    email: ['Tijorat taklifini yuborish: {company}', 'Shartnoma loyihasini yuborish: {company}'],
    meeting: ['Demo uchrashuv: {company}', 'Ofisda uchrashuv: {company}'],
    todo: ['Hisob-faktura tayyorlash: {company}', 'Prognozni yangilash: {company}'],
  },
};

const TASK_DETAILS = {
  en: [
    'Confirm the number of seats and the start date.',
    'Ask which tools they use today and when that contract ends.',
    'Bring the case study from a similar customer.',
    'Agenda: requirements, timeline, budget owner.',
  ],
  ru: [
    'Уточнить количество лицензий и дату старта.',
    'Узнать, какой системой пользуются сейчас и когда заканчивается договор.',
    'Взять кейс похожего клиента.',
  ],
  ka: ['დააზუსტეთ ლიცენზიების რაოდენობა და დაწყების თარიღი.', 'გაარკვიეთ, რომელ სისტემას იყენებენ ახლა.'],
  kk: ['Лицензиялар саны мен басталу күнін нақтылау.', 'Қазір қандай жүйені пайдаланатынын білу.'],
  uz: ['Litsenziyalar soni va boshlanish sanasini aniqlashtirish.', 'Hozir qaysi tizimdan foydalanishlarini bilish.'],
};

const NOTES = {
  en: [
    [
      'Discovery call summary',
      '<p>{name} confirmed they have {n} sales reps working from spreadsheets. Main pain: no visibility into the pipeline.</p><ul><li>Decision by the end of the quarter</li><li>Budget approved in principle</li></ul>',
    ],
    [
      'Pricing feedback',
      '<p>They find the Business plan reasonable but asked for a discount on a two-year commitment.</p>',
    ],
    [
      'Technical requirements',
      '<p>Need single sign-on, data hosted in the region and an export to their accounting system.</p>',
    ],
    [
      'Meeting notes',
      '<p>Met {name} and the finance team. Next step: send the contract draft and a reference customer.</p>',
    ],
    [
      'Competitor mentioned',
      '<p>They are also looking at a competitor; our advantage is support in local languages.</p>',
    ],
  ],
  ru: [
    [
      'Итоги первого звонка',
      '<p>{name}: в отделе продаж {n} менеджеров, клиентов ведут в Excel. Главная боль — нет прозрачности по воронке.</p><ul><li>Решение до конца квартала</li><li>Бюджет в целом согласован</li></ul>',
    ],
    ['Обратная связь по цене', '<p>Тариф Business устраивает, просят скидку при оплате за два года.</p>'],
    ['Технические требования', '<p>Нужны единый вход (SSO), хранение данных в регионе и выгрузка в 1С.</p>'],
    [
      'Встреча',
      '<p>Встретились с {name} и финансовым отделом. Следующий шаг — отправить проект договора и контакт референс-клиента.</p>',
    ],
  ],
  ka: [
    [
      'პირველი ზარის შეჯამება',
      '<p>{name}: გაყიდვების გუნდში {n} მენეჯერია, კლიენტებს Excel-ში აღრიცხავენ. მთავარი პრობლემა — ძაბრის გამჭვირვალობის ნაკლებობა.</p>',
    ],
    ['ფასზე უკუკავშირი', '<p>Business ტარიფი მისაღებია, ითხოვენ ფასდაკლებას ორწლიან კონტრაქტზე.</p>'],
    [
      'შეხვედრის ჩანაწერი',
      '<p>შევხვდით: {name} და ფინანსური გუნდი. შემდეგი ნაბიჯი — ხელშეკრულების პროექტის გაგზავნა.</p>',
    ],
  ],
  kk: [
    [
      'Алғашқы қоңырау қорытындысы',
      '<p>{name}: сату бөлімінде {n} менеджер бар, клиенттерді Excel-де жүргізеді. Негізгі мәселе — воронка көрінбейді.</p>',
    ],
    ['Баға бойынша пікір', '<p>Business тарифі қолайлы, екі жылға төлегенде жеңілдік сұрайды.</p>'],
  ],
  uz: [
    [
      'Birinchi qoʻngʻiroq xulosasi',
      '<p>{name}: savdo boʻlimida {n} ta menejer bor, mijozlarni Excel da yuritishadi. Asosiy muammo — voronka koʻrinmaydi.</p>',
    ],
    ['Narx boʻyicha fikr', '<p>Business tarifi maqul, ikki yillik toʻlov uchun chegirma soʻrashdi.</p>'],
    ['Uchrashuv', '<p>{name} va moliya boʻlimi bilan uchrashdik. Keyingi qadam — shartnoma loyihasini yuborish.</p>'],
  ],
};

function salesCrm() {
  const rnd = makeRandom(20261102);
  const phones = phoneMaker(rnd);
  const person = personMaker(rnd);
  const email = emailMaker();

  // --- products
  const product = PRODUCTS.map(([name, sku, price, category, active, description], i) => ({
    _ref: `product-${i + 1}`,
    name,
    sku,
    price: money(price, 'USD'),
    category,
    active,
    description,
  }));

  // --- companies
  const companies = COMPANIES.map(
    ([name, domain, country, industry, [street, city, region, postalCode, area], cultures], i) => ({
      ref: `company-${i + 1}`,
      name,
      domain,
      country,
      industry,
      cultures,
      area,
      address: { street, city, region, ...(postalCode ? { postalCode } : {}), country },
    }),
  );
  const company = companies.map((c) => {
    const employees = rnd.pick([rnd.int(8, 60), rnd.int(40, 400), rnd.int(200, 3500)]);
    const perHead = { GE: 45000, KZ: 9000000, UZ: 180000000, MW: 9000, US: 180000, DE: 160000 }[c.country];
    const record = {
      _ref: c.ref,
      name: c.name,
      website: `https://www.${c.domain}/`,
      industry: c.industry,
      employees,
      annualRevenue: money(
        Math.round((employees * perHead * (0.6 + rnd.next())) / 1000) * 1000,
        COUNTRY_CURRENCY[c.country],
      ),
      phone: phones[c.country].landline(c.area),
      address: c.address,
    };
    if (rnd.chance(0.8))
      record.rating = rnd.weighted([
        [3, 3],
        [4, 4],
        [5, 2],
        [2, 2],
        [1, 1],
      ]);
    return record;
  });

  // --- contacts: 120 spread over the companies (1..6 each)
  const perCompany = companies.map(() => rnd.int(2, 4));
  while (perCompany.reduce((a, b) => a + b, 0) < 120) perCompany[rnd.int(0, companies.length - 1)] += 1;
  while (perCompany.reduce((a, b) => a + b, 0) > 120) {
    const i = rnd.int(0, companies.length - 1);
    if (perCompany[i] > 1) perCompany[i] -= 1;
  }
  const contacts = [];
  companies.forEach((c, i) => {
    for (let k = 0; k < perCompany[i]; k++) {
      const p = person(rnd.pick(c.cultures));
      const country = p.culture === 'us' && c.country !== 'US' ? 'US' : c.country;
      contacts.push({
        ...p,
        ref: `contact-${contacts.length + 1}`,
        company: c,
        email: email(p, c.domain),
        phone: phones[country].mobile(),
      });
    }
  });
  const contact = contacts.map((p) => {
    const record = {
      _ref: p.ref,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
      jobTitle: p.jobTitle,
      company: ref(p.company.ref),
      preferredLanguage:
        p.culture === 'kk' && rnd.chance(0.4) ? 'ru' : p.culture === 'mw' && rnd.chance(0.5) ? 'en' : p.lang,
    };
    if (rnd.chance(0.85)) record.phone = p.phone;
    return record;
  });

  // --- leads: 80, 14 of them converted (those became a company and contact above, and a deal below)
  const leadStatuses = [
    ...Array(18).fill('new'),
    ...Array(18).fill('contacted'),
    ...Array(16).fill('qualified'),
    ...Array(14).fill('unqualified'),
    ...Array(14).fill('converted'),
  ];
  const convertedContacts = rnd.shuffle(contacts.filter((c) => !c.company.name.startsWith('შპს'))).slice(0, 14);
  let converted = 0;
  const leads = rnd.shuffle(leadStatuses).map((status, i) => {
    const leadRef = `lead-${i + 1}`;
    const source = rnd.weighted([
      ['website', 30],
      ['referral', 18],
      ['coldCall', 12],
      ['event', 14],
      ['advertisement', 14],
      ['partner', 12],
    ]);
    const score = {
      new: [5, 50],
      contacted: [20, 65],
      qualified: [55, 90],
      unqualified: [0, 30],
      converted: [70, 100],
    }[status];
    if (status === 'converted') {
      const p = convertedContacts[converted++];
      const lang = LANG[p.culture];
      return {
        lead: {
          _ref: leadRef,
          title: `${p.company.name} — ${fill(rnd.pick(LEAD_NEEDS[lang]), { n: rnd.pick([10, 15, 25, 40]) })}`,
          firstName: p.firstName,
          lastName: p.lastName,
          email: p.email,
          phone: p.phone,
          companyName: p.company.name,
          jobTitle: p.jobTitle,
          source,
          status,
          score: rnd.int(...score),
          budget: money(rnd.int(20, 900) * 100, COUNTRY_CURRENCY[p.company.country]),
        },
        contact: p,
      };
    }
    const culture = rnd.weighted([
      ['ge', 18],
      ['kk', 8],
      ['ru', 8],
      ['uz', 16],
      ['mw', 12],
      ['us', 12],
      ['de', 6],
    ]);
    const p = person(culture);
    const [companyName, domain] = rnd.pick(LEAD_COMPANIES[culture]);
    const country = LEAD_COUNTRY[culture];
    const lang = LANG[culture];
    const record = {
      _ref: leadRef,
      title: `${companyName} — ${fill(rnd.pick(LEAD_NEEDS[lang]), { n: rnd.pick([5, 10, 15, 20, 30, 50]) })}`,
      firstName: p.firstName,
      lastName: p.lastName,
      email: email(p, rnd.chance(0.6) ? domain : rnd.pick(p.freeMail)),
      companyName,
      source,
      status,
      score: rnd.int(...score),
    };
    if (rnd.chance(0.8)) record.phone = phones[country].mobile();
    if (rnd.chance(0.6)) record.jobTitle = p.jobTitle;
    if (rnd.chance(0.65)) record.budget = money(rnd.int(5, 2500) * 100, COUNTRY_CURRENCY[country]);
    return { lead: record, person: p, lang };
  });
  const lead = leads.map((l) => l.lead);

  // --- deals: 70 across every stage
  const stages = [
    ...Array(12).fill('new'),
    ...Array(12).fill('qualified'),
    ...Array(12).fill('proposal'),
    ...Array(10).fill('negotiation'),
    ...Array(14).fill('won'),
    ...Array(10).fill('lost'),
  ];
  const fromLeads = leads.filter((l) => l.contact);
  const companyOrder = [...rnd.shuffle(companies), ...rnd.shuffle(companies)];
  const dealNames = new Set();
  const deals = rnd.shuffle(stages).map((stage, i) => {
    const origin = fromLeads[i]; // the first 14 deals come from converted leads
    const c = origin ? origin.contact.company : companyOrder[i % companyOrder.length];
    const people = contacts.filter((p) => p.company === c);
    const primary = origin ? origin.contact : rnd.chance(0.9) ? rnd.pick(people) : undefined;
    const lang = LANG[primary?.culture ?? c.cultures[0]];
    const closed = stage === 'won' || stage === 'lost';
    let topic;
    let name;
    do {
      topic = rnd.pick(DEAL_TOPICS.filter((t) => closed || !t.closedOnly));
      name = `${c.name} — ${topic[lang]}`;
    } while (dealNames.has(name));
    dealNames.add(name);
    const currency =
      c.country === 'GE' && rnd.chance(0.3)
        ? 'USD'
        : c.country === 'UZ' && rnd.chance(0.2)
          ? 'USD'
          : COUNTRY_CURRENCY[c.country];
    const [lo, hi] = topic.range;
    const whole = lo + Math.round((rnd.next() * (hi - lo)) / 10) * 10;
    const amount = rnd.chance(0.3) ? whole + rnd.int(1, 99) / 100 : whole;
    const closeDate = closed ? REFERENCE - rnd.int(3, 200) * DAY : REFERENCE + rnd.int(-12, 120) * DAY;
    const record = {
      _ref: `deal-${i + 1}`,
      name,
      amount: money(Math.min(250000, amount), currency),
      stage,
      closeDate: isoDate(closeDate),
      company: ref(c.ref),
      source: origin
        ? origin.lead.source
        : rnd.weighted([
            ['website', 25],
            ['referral', 25],
            ['coldCall', 10],
            ['event', 15],
            ['advertisement', 10],
            ['partner', 15],
          ]),
      products: topic.products.slice(0, rnd.int(1, topic.products.length)).map((p) => ref(`product-${p + 1}`)),
    };
    if (primary) record.contact = ref(primary.ref);
    if (origin) record.lead = ref(origin.lead._ref);
    if (stage === 'lost') record.lostReason = rnd.pick(LOST_REASONS[lang]);
    return { record, company: c, contact: primary, lang, stage, closeDate };
  });
  const deal = deals.map((d) => d.record);

  // --- tasks: 150, overdue / due today / upcoming / done / cancelled
  const buckets = [
    ...Array(26).fill('overdue'),
    ...Array(16).fill('today'),
    ...Array(54).fill('upcoming'),
    ...Array(44).fill('done'),
    ...Array(10).fill('cancelled'),
  ];
  const openDeals = deals.filter((d) => d.stage !== 'won' && d.stage !== 'lost');
  const openLeads = leads.filter((l) => !l.contact && ['new', 'contacted', 'qualified'].includes(l.lead.status));
  const task = rnd.shuffle(buckets).map((bucket, i) => {
    const about = rnd.weighted([
      ['deal', 60],
      ['lead', 20],
      ['contact', 20],
    ]);
    let context;
    if (about === 'deal') {
      const d = bucket === 'done' || bucket === 'cancelled' ? rnd.pick(deals) : rnd.pick(openDeals);
      context = {
        deal: d.record._ref,
        contact: d.contact?.ref,
        lang: d.lang,
        name: d.contact ? `${d.contact.firstName} ${d.contact.lastName}` : d.company.name,
        company: d.company.name,
      };
    } else if (about === 'lead') {
      const l = rnd.pick(openLeads);
      context = {
        lead: l.lead._ref,
        lang: l.lang,
        name: `${l.lead.firstName} ${l.lead.lastName}`,
        company: l.lead.companyName,
      };
    } else {
      const p = rnd.pick(contacts);
      context = {
        contact: p.ref,
        lang: LANG[p.culture],
        name: `${p.firstName} ${p.lastName}`,
        company: p.company.name,
      };
    }
    const type = rnd.weighted([
      ['call', 35],
      ['email', 25],
      ['meeting', 20],
      ['todo', 20],
    ]);
    const hour = type === 'meeting' ? rnd.pick([6, 7, 8, 10, 11, 12]) : rnd.int(5, 14); // UTC: a working day from Tbilisi to Lilongwe
    const atHour = (dayOffset) =>
      REFERENCE - 9 * HOUR + dayOffset * DAY + hour * HOUR + rnd.pick([0, 0, 15, 30, 45]) * MINUTE;
    const due = {
      overdue: () => atHour(-rnd.int(1, 21)),
      today: () => REFERENCE - 9 * HOUR + rnd.int(6, 17) * HOUR + rnd.pick([0, 30]) * MINUTE,
      upcoming: () => atHour(rnd.int(1, 30)),
      done: () => atHour(-rnd.int(1, 45)),
      cancelled: () => atHour(rnd.int(-30, 10)),
    }[bucket]();
    const status = {
      overdue: rnd.chance(0.75) ? 'open' : 'inProgress',
      today: rnd.chance(0.8) ? 'open' : 'inProgress',
      upcoming: rnd.chance(0.9) ? 'open' : 'inProgress',
      done: 'done',
      cancelled: 'cancelled',
    }[bucket];
    const record = {
      _ref: `task-${i + 1}`,
      title: fill(rnd.pick(TASK_TITLES[context.lang][type]), context),
      type,
      status,
      priority: rnd.weighted([
        ['low', 20],
        ['normal', 50],
        ['high', 22],
        ['urgent', 8],
      ]),
      dueDate: iso(due),
    };
    if (status === 'done')
      record.completedAt = iso(Math.min(REFERENCE - 30 * MINUTE, due + rnd.int(-30, 480) * MINUTE));
    if (context.deal) record.deal = ref(context.deal);
    if (context.contact) record.contact = ref(context.contact);
    if (context.lead) record.lead = ref(context.lead);
    if (rnd.chance(0.4)) record.description = rnd.pick(TASK_DETAILS[context.lang]);
    return record;
  });

  // --- notes: 60 on deals, contacts, companies and leads
  const note = Array.from({ length: 60 }, (_, i) => {
    const about = i < 38 ? 'deal' : i < 50 ? 'contact' : 'lead';
    const record = { _ref: `note-${i + 1}` };
    let lang;
    let name;
    if (about === 'deal') {
      const d = rnd.pick(deals);
      lang = d.lang;
      name = d.contact ? `${d.contact.firstName} ${d.contact.lastName}` : d.company.name;
      Object.assign(record, { deal: ref(d.record._ref), company: ref(d.company.ref) });
      if (d.contact) record.contact = ref(d.contact.ref);
    } else if (about === 'contact') {
      const p = rnd.pick(contacts);
      lang = LANG[p.culture];
      name = `${p.firstName} ${p.lastName}`;
      Object.assign(record, { contact: ref(p.ref), company: ref(p.company.ref) });
    } else {
      const l = rnd.pick(leads.filter((x) => !x.contact));
      lang = l.lang;
      name = `${l.lead.firstName} ${l.lead.lastName}`;
      record.lead = ref(l.lead._ref);
    }
    const [title, body] = rnd.pick(NOTES[lang]);
    const n = rnd.pick([6, 8, 12, 15, 20, 35]); // 5 and up: "{n} менеджеров" stays grammatical
    return { _ref: record._ref, title, body: fill(body, { name, n }), pinned: rnd.chance(0.12), ...record };
  });

  return { product, company, contact, lead, deal, task, note };
}

// =========================================================================================================
// Help desk
// =========================================================================================================

const HELPDESK_COMPANIES = {
  ge: [
    ['Tbilisi Logistics LLC', 'tbilisilogistics.ge'],
    ['GeoPay Fintech', 'geopay.ge'],
    ['შპს ქართული ღვინის სახლი', 'winehouse.ge'],
    ['Batumi Port Services', 'batumiport-services.ge'],
    ['Kazbegi Mountain Hotels', 'kazbegihotels.ge'],
  ],
  kk: [
    ['Qazaq Digital', 'qazaqdigital.kz'],
    ['Дала Сүт ЖШС', 'dalasut.kz'],
    ['Түркістан Тур', 'turkistantour.kz'],
  ],
  ru: [
    ['Алматы Трейд', 'almatytrade.kz'],
    ['Каспий Логистик', 'caspianlogistic.kz'],
    ['Астана Строй Инвест', 'astanastroy.kz'],
    ['Евразия Фарм', 'eurasiapharm.kz'],
  ],
  uz: [
    ['Toshkent Agro', 'toshkentagro.uz'],
    ['Algoritm Soft', 'algoritmsoft.uz'],
    ['Samarqand Textile', 'samarqandtextile.uz'],
    ['Turon Lizing', 'turonlizing.uz'],
  ],
  mw: [
    ['Lilongwe Fresh Produce', 'lilongwefresh.co.mw'],
    ['Zomba Solar Ltd', 'zombasolar.co.mw'],
    ['Chisomo Clinics', 'chisomoclinics.co.mw'],
    ['Mzuzu Coffee Cooperative', 'mzuzucoffee.co.mw'],
  ],
  us: [
    ['Harbor Analytics Inc.', 'harboranalytics.com'],
    ['Summit Freight Co.', 'summitfreight.com'],
    ['Brightpath Learning', 'brightpathlearning.com'],
  ],
  de: [
    ['Berlin Solar GmbH', 'berlinsolar.de'],
    ['Isar Bau GmbH', 'isarbau.de'],
  ],
};
const HELPDESK_COUNTRY = { ge: 'GE', kk: 'KZ', ru: 'KZ', uz: 'UZ', mw: 'MW', us: 'US', de: 'DE' };

/** Ticket kinds: tags, and subject + description per language (missing languages fall back: kk → ru → en). */
const TICKETS = [
  {
    tags: ['billing'],
    en: [
      'Charged twice for invoice INV-{n}',
      'My card was charged twice for invoice INV-{n}. Please refund the duplicate payment.',
    ],
    ru: [
      'Двойное списание по счёту INV-{n}',
      'С карты дважды списали оплату по счёту INV-{n}. Прошу вернуть лишний платёж.',
    ],
    ka: [
      'ინვოისზე INV-{n} თანხა ორჯერ ჩამოიჭრა',
      'ინვოისზე INV-{n} ბარათიდან თანხა ორჯერ ჩამომეჭრა. გთხოვთ, დამიბრუნოთ ზედმეტი გადახდა.',
    ],
    uz: [
      'INV-{n} hisobi uchun ikki marta pul yechildi',
      'INV-{n} hisob-fakturasi boʻyicha kartamdan ikki marta pul yechildi. Ortiqcha toʻlovni qaytarishingizni soʻrayman.',
    ],
  },
  {
    tags: ['account'],
    en: [
      'Cannot log in after password reset',
      'The reset link says it has expired, although I opened it within a minute.',
    ],
    ru: ['Не могу войти после сброса пароля', 'Ссылка для сброса пишет, что устарела, хотя я открыл её сразу.'],
    ka: ['პაროლის აღდგენის შემდეგ ვერ შევდივარ', 'აღდგენის ბმული ამბობს, რომ ვადა გაუვიდა, თუმცა მაშინვე გავხსენი.'],
    kk: [
      'Құпиясөзді қалпына келтіргеннен кейін кіре алмаймын',
      'Сілтеменің мерзімі өтіп кеткені жазылады, бірақ мен оны бірден аштым.',
    ],
    uz: [
      'Parolni tiklagandan keyin kira olmayapman',
      'Tiklash havolasi eskirgan deb chiqyapti, garchi uni darhol ochgan boʻlsam ham.',
    ],
  },
  {
    tags: ['bug'],
    en: [
      'CSV export breaks Cyrillic names',
      'Exported contacts show ??? instead of Cyrillic names when opened in Excel.',
    ],
    ru: [
      'Экспорт в CSV портит кириллицу',
      'В выгруженных контактах вместо имён на кириллице знаки ??? при открытии в Excel.',
    ],
    kk: [
      'CSV экспорты кирилл әріптерін бұзады',
      'Excel-де ашқанда байланыстардың аттарының орнына ??? белгілері шығады.',
    ],
  },
  {
    tags: ['outage'],
    priority: 'urgent',
    en: ['Dashboard not loading: error 502', 'Since this morning the whole team sees error 502 on the dashboard.'],
    ru: ['Не открывается панель: ошибка 502', 'С утра у всей команды панель показывает ошибку 502.'],
    ka: ['დაფა არ იტვირთება: შეცდომა 502', 'დილიდან მთელ გუნდს დაფაზე 502 შეცდომა უჩანს.'],
    kk: ['Басқару тақтасы ашылмайды: 502 қатесі', 'Таңертеңнен бері бүкіл командада тақта 502 қатесін көрсетеді.'],
    uz: ['Boshqaruv paneli ochilmayapti: 502 xatosi', 'Ertalabdan beri butun jamoada panel 502 xatosini koʻrsatyapti.'],
  },
  {
    tags: ['feature'],
    en: [
      'Request: invoice template in Chichewa',
      'Several of our customers in rural districts would prefer invoices in Chichewa.',
    ],
    ru: ['Просьба: счета на казахском языке', 'Для местных клиентов нужны счета на казахском языке.'],
    ka: ['მოთხოვნა: ინვოისები ქართულ ენაზე', 'ადგილობრივი კლიენტებისთვის გვჭირდება ინვოისები ქართულ ენაზე.'],
    kk: ['Өтініш: шоттар қазақ тілінде', 'Жергілікті клиенттер үшін шоттар қазақ тілінде қажет.'],
    uz: ['Taklif: hisob-fakturalar oʻzbek tilida', 'Mahalliy mijozlar uchun hisob-fakturalar oʻzbek tilida kerak.'],
  },
  {
    tags: ['account', 'billing'],
    en: ['Add five more users to our plan', 'We hired five new agents. Please add seats and send the updated invoice.'],
    ru: [
      'Добавить пять пользователей в тариф',
      'Мы наняли пятерых сотрудников. Добавьте, пожалуйста, места и пришлите новый счёт.',
    ],
    uz: [
      'Tarifimizga yana besh foydalanuvchi qoʻshish',
      'Besh nafar yangi xodim oldik. Iltimos, oʻrinlar qoʻshib, yangi hisob-faktura yuboring.',
    ],
  },
  {
    tags: ['bug'],
    en: ['Malawi phone numbers rejected', 'Numbers like +265 991 234 567 are refused as invalid on the contact form.'],
    ru: ['Не принимаются номера Узбекистана', 'Форма контакта считает неверными номера вида +998 90 123 45 67.'],
  },
  {
    tags: ['outage'],
    priority: 'high',
    en: [
      'Workflow e-mails not delivered',
      'Since yesterday none of the notification e-mails from our workflows arrive.',
    ],
    ru: ['Не приходят письма из автоматизаций', 'Со вчерашнего дня не приходят уведомления из наших процессов.'],
    ka: ['ავტომატიზაციის წერილები არ მოდის', 'გუშინდელი დღიდან ჩვენი პროცესებიდან შეტყობინებები აღარ მოდის.'],
  },
  {
    tags: ['billing'],
    en: ['VAT invoice for October', 'Please send a VAT invoice for October with our company details.'],
    ru: ['Нужен счёт-фактура за октябрь', 'Пришлите, пожалуйста, счёт-фактуру за октябрь с нашими реквизитами.'],
    ka: [
      'დღგ-ის ანგარიშ-ფაქტურა ოქტომბრისთვის',
      'გთხოვთ, გამოგვიგზავნოთ ოქტომბრის ანგარიშ-ფაქტურა ჩვენი რეკვიზიტებით.',
    ],
    uz: ['Oktyabr uchun hisob-faktura', 'Iltimos, oktyabr oyi uchun rekvizitlarimiz bilan hisob-faktura yuboring.'],
  },
  {
    tags: ['feature'],
    priority: 'low',
    en: ['Deal board: filter by owner', 'It would help to filter the deal board by owner.'],
    ru: ['Канбан сделок: фильтр по ответственному', 'Было бы удобно фильтровать доску сделок по ответственному.'],
    kk: ['Мәмілелер тақтасы: жауапты бойынша сүзгі', 'Мәмілелер тақтасын жауапты адам бойынша сүзу ыңғайлы болар еді.'],
  },
  {
    tags: ['bug'],
    en: [
      'Mobile app closes when attaching a photo',
      'On Android 14 the app closes as soon as I attach a photo to a ticket.',
    ],
    ru: [
      'Приложение закрывается при прикреплении фото',
      'На Android 14 приложение закрывается, как только прикрепляю фото к обращению.',
    ],
    uz: [
      'Rasm biriktirganda ilova yopilib qoladi',
      'Android 14 da murojaatga rasm biriktirishim bilan ilova yopiladi.',
    ],
  },
  {
    tags: ['account'],
    en: ['Transfer account ownership', 'Our director has left the company; please transfer account ownership to me.'],
    ru: ['Смена владельца аккаунта', 'Директор уволился, прошу передать права владельца аккаунта мне.'],
    ka: ['ანგარიშის მფლობელის შეცვლა', 'ჩვენი დირექტორი წავიდა კომპანიიდან; გთხოვთ, ანგარიშის მფლობელობა გადმომცეთ.'],
  },
  {
    tags: ['bug'],
    en: [
      'Webhook to our accounting system times out',
      'Webhook calls fail after 10 seconds with a timeout; our server needs about 12.',
    ],
    ru: [
      'Вебхук в 1С падает по таймауту',
      'Вызовы вебхука обрываются через 10 секунд, а наш сервер отвечает примерно за 12.',
    ],
  },
  {
    tags: ['billing'],
    priority: 'low',
    en: ['Pay yearly by bank transfer', 'Can we pay for the year by bank transfer instead of by card?'],
    ru: ['Оплата за год по безналичному расчёту', 'Можно ли оплатить год по безналичному расчёту вместо карты?'],
    kk: ['Жылдық төлемді аударыммен жасау', 'Жыл үшін картамен емес, банктік аударыммен төлеуге бола ма?'],
    uz: [
      'Yillik toʻlovni bank oʻtkazmasi orqali',
      'Yil uchun karta oʻrniga bank oʻtkazmasi orqali toʻlasak boʻladimi?',
    ],
  },
];

const REPLIES = {
  ack: {
    en: 'Hi {first}, thanks for reaching out. I am looking into this now and will update you shortly.',
    ru: 'Здравствуйте, {first}! Спасибо за обращение, уже разбираемся и скоро вернёмся с ответом.',
    ka: 'გამარჯობა, {first}! გმადლობთ მიმართვისთვის, უკვე ვამოწმებთ და მალე გიპასუხებთ.',
    kk: 'Сәлеметсіз бе, {first}! Өтінішіңіз үшін рахмет, қазір тексеріп жатырмыз, жақын арада жауап береміз.',
    uz: 'Assalomu alaykum, {first}! Murojaatingiz uchun rahmat, hozir tekshiryapmiz va tez orada javob beramiz.',
    ny: 'Moni {first}, zikomo potilembera. Tikuona vutoli tsopano ndipo tikudziwitsani posachedwa.',
  },
  ask: {
    en: 'Could you send a screenshot and the exact time it happened? That will help us reproduce it.',
    ru: 'Пришлите, пожалуйста, скриншот и точное время, когда это произошло, — так мы быстрее воспроизведём проблему.',
    ka: 'გთხოვთ, გამოგვიგზავნოთ ეკრანის სურათი და ზუსტი დრო, როდის მოხდა ეს — ასე პრობლემას უფრო სწრაფად აღმოვაჩენთ.',
    kk: 'Скриншот пен оқиғаның нақты уақытын жіберіңізші — мәселені тезірек қайталауға көмектеседі.',
    uz: 'Iltimos, skrinshot va bu qachon sodir boʻlganini aniq vaqtini yuboring — muammoni tezroq takrorlashga yordam beradi.',
  },
  customerReply: {
    en: 'Screenshot attached. It happened at about 10:15 our time.',
    ru: 'Скриншот во вложении, это было около 10:15 по нашему времени.',
    ka: 'ეკრანის სურათი თან ერთვის, ეს მოხდა დაახლოებით 10:15-ზე.',
    kk: 'Скриншот тіркелген, шамамен біздің уақытпен 10:15-те болды.',
    uz: 'Skrinshot ilova qilindi, bu taxminan bizning vaqt bilan 10:15 da boʻldi.',
  },
  solved: {
    en: 'Good news: this is fixed now. Please check on your side and reply if anything is still wrong.',
    ru: 'Хорошие новости: проблема устранена. Проверьте, пожалуйста, у себя и напишите, если что-то ещё не так.',
    ka: 'კარგი ამბავი: პრობლემა მოგვარებულია. გთხოვთ, შეამოწმოთ და მოგვწეროთ, თუ რამე კვლავ არ მუშაობს.',
    kk: 'Жақсы жаңалық: мәселе шешілді. Өз тарапыңыздан тексеріп, әлі де ақау болса, жазыңыз.',
    uz: 'Yaxshi xabar: muammo hal qilindi. Iltimos, oʻzingizda tekshirib koʻring va biror narsa notoʻgʻri boʻlsa, yozing.',
    ny: 'Uthenga wabwino: vutoli lakonzedwa. Chonde onani kumbali yanu ndipo mutiyankhe ngati pali china chomwe sichikugwira ntchito.',
  },
  thanks: {
    en: 'Works now, thank you!',
    ru: 'Всё работает, спасибо!',
    ka: 'ახლა მუშაობს, გმადლობთ!',
    kk: 'Енді жұмыс істейді, рахмет!',
    uz: 'Endi ishlayapti, rahmat!',
    ny: 'Zikugwira ntchito tsopano, zikomo kwambiri!',
  },
};

const INTERNAL = {
  en: [
    'Reproduced on staging. Escalated to engineering as INC-{n}.',
    'Customer is on the {tier} plan: keep an eye on the SLA.',
    'Waiting for the payment provider to confirm the refund.',
    'Known issue; the fix ships in the next release.',
  ],
  ru: [
    'Воспроизвёл на тестовом стенде, передал разработке: INC-{n}.',
    'Клиент на тарифе {tier}, следим за SLA.',
    'Ждём подтверждения возврата от платёжного провайдера.',
    'Известная проблема, исправление выйдет в следующем релизе.',
  ],
};
const ON_HOLD = {
  en: 'On hold until the customer’s finance team approves the change.',
  ru: 'Приостановлено до согласования с финансовым отделом клиента.',
};

const SLA_HOURS = { urgent: 4, high: 8, normal: 24, low: 72 };

const KB_ARTICLES = [
  [
    'gettingStarted',
    'Getting started: your first pipeline',
    'first-pipeline',
    '<h2>Create a pipeline</h2><p>Open <strong>Designer → Pipelines</strong>, pick the object (for example Deal) and its stage field, then add stages in order.</p><ol><li>Give each stage a probability.</li><li>Mark one stage as won and one as lost.</li><li>Save: the board appears in the Workspace at once.</li></ol>',
  ],
  [
    'gettingStarted',
    'Inviting your team',
    'inviting-your-team',
    '<p>Administrators invite people from <strong>Settings → Users</strong>. Each person gets an e-mail with a sign-in link and the roles you chose.</p>',
  ],
  [
    'gettingStarted',
    'Первые шаги: импорт контактов из Excel',
    'import-contacts-excel-ru',
    '<p>Сохраните таблицу в формате CSV (UTF-8), откройте список контактов и нажмите <strong>Импорт</strong>. Сопоставьте столбцы с полями и проверьте предпросмотр.</p>',
  ],
  [
    'billing',
    'How billing works',
    'how-billing-works',
    '<p>Plans are billed per user, monthly or yearly. You can pay by card in USD or EUR, or by bank transfer in GEL, KZT or UZS for yearly plans.</p>',
  ],
  [
    'billing',
    'Ввод реквизитов для счетов-фактур',
    'invoice-details-ru',
    '<p>Укажите юридическое название, БИН/ИНН и адрес в разделе <strong>Оплата → Реквизиты</strong>. Новые счета будут выставляться с этими данными.</p>',
  ],
  [
    'account',
    'Resetting your password',
    'reset-password',
    '<p>Use <em>Forgot password</em> on the sign-in page. The link is valid for 30 minutes and works once. If it has expired, request a new one.</p>',
  ],
  [
    'account',
    'Transferring account ownership',
    'transfer-ownership',
    '<p>Only the current owner can transfer ownership. If the owner has left, the support team can do it after a written request from a company director.</p>',
  ],
  [
    'troubleshooting',
    'CSV files show ??? instead of letters',
    'csv-encoding',
    '<p>Excel opens CSV files in the system code page. Use <strong>Data → From Text/CSV</strong> and choose <em>65001: Unicode (UTF-8)</em>, or export as XLSX.</p>',
  ],
  [
    'troubleshooting',
    'ვებგვერდი ნელა იტვირთება: რა შევამოწმოთ',
    'slow-loading-ka',
    '<p>გაასუფთავეთ ბრაუზერის ქეში, გამორთეთ გაფართოებები და შეამოწმეთ ინტერნეტ-კავშირი. თუ პრობლემა რჩება, მოგვწერეთ ზუსტი დრო და ეკრანის სურათი.</p>',
  ],
  [
    'integrations',
    'Webhooks: timeouts and retries',
    'webhook-timeouts',
    '<p>Webhook calls time out after 10 seconds and are retried three times with backoff. Answer quickly with 202 and do slow work in the background.</p>',
  ],
  [
    'integrations',
    'Buxgalteriya tizimi bilan integratsiya',
    'accounting-integration-uz',
    '<p>Hisob-fakturalarni buxgalteriya tizimiga yuborish uchun webhook yoki API kalitidan foydalaning. Sozlamalar: <strong>Integratsiyalar → API kalitlari</strong>.</p>',
  ],
  [
    'security',
    'Two-factor authentication',
    'two-factor-authentication',
    '<p>Turn on two-factor authentication in your profile. Administrators can require it for every user of the workspace.</p>',
  ],
];

function helpdesk() {
  const rnd = makeRandom(20261103);
  const phones = phoneMaker(rnd);
  const person = personMaker(rnd);
  const email = emailMaker();
  const tierPlan = { standard: 'Standard', premium: 'Premium', enterprise: 'Enterprise' };

  // --- customers: 40
  const cultureMix = [
    ['ge', 9],
    ['kk', 5],
    ['ru', 6],
    ['uz', 8],
    ['mw', 6],
    ['us', 4],
    ['de', 2],
  ];
  const customers = Array.from({ length: 40 }, (_, i) => {
    const culture = rnd.weighted(cultureMix);
    const p = person(culture);
    const [companyName, domain] = rnd.pick(HELPDESK_COMPANIES[culture]);
    const language =
      culture === 'mw' ? (rnd.chance(0.4) ? 'ny' : 'en') : culture === 'kk' && rnd.chance(0.3) ? 'ru' : p.lang;
    const record = {
      _ref: `customer-${i + 1}`,
      name: `${p.firstName} ${p.lastName}`,
      email: email(p, rnd.chance(0.3) ? rnd.pick(p.freeMail) : domain),
      company: companyName,
      tier: rnd.weighted([
        ['standard', 55],
        ['premium', 30],
        ['enterprise', 15],
      ]),
      preferredLanguage: language,
    };
    if (rnd.chance(0.75)) record.phone = phones[HELPDESK_COUNTRY[culture]].mobile();
    return { record, first: p.firstName, lang: language };
  });
  const customer = customers.map((c) => c.record);

  // --- tickets: 150 across every status
  const statuses = [
    ...Array(18).fill('new'),
    ...Array(32).fill('open'),
    ...Array(20).fill('pending'),
    ...Array(10).fill('onHold'),
    ...Array(38).fill('solved'),
    ...Array(32).fill('closed'),
  ];
  const text = (map, lang) => map[lang] ?? (lang === 'kk' ? map.ru : undefined) ?? map.en;
  const comment = [];
  const addComment = (ticketRef, body, flags = {}) =>
    comment.push({
      _ref: `comment-${comment.length + 1}`,
      ticket: ref(ticketRef),
      body,
      internal: flags.internal ?? false,
      fromCustomer: flags.fromCustomer ?? false,
    });

  const ticket = rnd.shuffle(statuses).map((status, i) => {
    const c = rnd.pick(customers);
    const kind = rnd.pick(TICKETS);
    const [subject, description] = text(kind, c.lang);
    const n = rnd.int(10200, 10999);
    const priority =
      kind.priority && rnd.chance(0.7)
        ? kind.priority
        : rnd.weighted([
            ['low', 20],
            ['normal', 45],
            ['high', 25],
            ['urgent', c.record.tier === 'enterprise' ? 15 : 7],
          ]);
    const ageHours = {
      new: () => rnd.int(5, 360) / 60,
      open: () => rnd.int(1, 40),
      pending: () => rnd.int(12, 240),
      onHold: () => rnd.int(48, 400),
      solved: () => rnd.int(24, 480),
      closed: () => rnd.int(168, 1440),
    }[status]();
    const received = REFERENCE - ageHours * HOUR - (status === 'new' ? 0 : rnd.int(0, 59) * MINUTE);
    const sla = SLA_HOURS[priority];
    const record = {
      _ref: `ticket-${i + 1}`,
      subject: fill(subject, { n }),
      description: fill(description, { n }),
      status,
      priority,
      channel: rnd.weighted([
        ['email', 45],
        ['web', 25],
        ['chat', 18],
        ['phone', 12],
      ]),
      customer: ref(c.record._ref),
      receivedAt: iso(received),
      slaDueAt: iso(received + sla * HOUR),
    };
    if (kind.tags.length) record.tags = [...kind.tags];
    if (status === 'new') {
      if (rnd.chance(0.2))
        addComment(
          record._ref,
          fill(text(INTERNAL, c.lang === 'ru' || c.lang === 'kk' ? 'ru' : 'en')[1], { tier: tierPlan[c.record.tier] }),
          { internal: true },
        );
      return record;
    }
    // First response within a fraction of the SLA (sometimes late), never in the future.
    const firstResponse = Math.min(
      REFERENCE - 5 * MINUTE,
      received + Math.max(3, Math.round(sla * 60 * (0.05 + rnd.next() * 0.6))) * MINUTE,
    );
    record.firstResponseAt = iso(firstResponse);
    const internalLang = c.lang === 'ru' || c.lang === 'kk' ? 'ru' : 'en';
    // Phone and chat requests get their first answer in the call or chat itself.
    if (record.channel === 'email' || record.channel === 'web' || rnd.chance(0.3)) {
      addComment(record._ref, fill(text(REPLIES.ack, c.lang), { first: c.first }));
    }
    if (status === 'pending' || ((status === 'solved' || status === 'closed') && rnd.chance(0.2))) {
      addComment(record._ref, text(REPLIES.ask, c.lang));
      if (status !== 'pending') addComment(record._ref, text(REPLIES.customerReply, c.lang), { fromCustomer: true });
    }
    if (status === 'onHold') addComment(record._ref, ON_HOLD[internalLang], { internal: true });
    if (rnd.chance(kind.tags.includes('bug') || kind.tags.includes('outage') ? 0.5 : 0.1)) {
      if (status !== 'pending' && status !== 'onHold')
        addComment(
          record._ref,
          fill(rnd.pick(INTERNAL[internalLang]), { n: rnd.int(300, 999), tier: tierPlan[c.record.tier] }),
          { internal: true },
        );
    }
    if (status === 'solved' || status === 'closed') {
      const spent = sla * (0.2 + rnd.next() * (rnd.chance(0.8) ? 0.8 : 2.5)); // mostly within the SLA
      const resolved = Math.min(
        REFERENCE - 10 * MINUTE,
        Math.max(firstResponse + 10 * MINUTE, received + spent * HOUR),
      );
      record.resolvedAt = iso(resolved);
      addComment(record._ref, text(REPLIES.solved, c.lang));
      if (rnd.chance(0.3)) addComment(record._ref, text(REPLIES.thanks, c.lang), { fromCustomer: true });
      if (rnd.chance(status === 'closed' ? 0.7 : 0.45))
        record.satisfaction = rnd.weighted([
          [5, 45],
          [4, 30],
          [3, 12],
          [2, 8],
          [1, 5],
        ]);
    }
    return record;
  });

  // --- knowledge base: 12 articles, 10 published
  const kbArticle = KB_ARTICLES.map(([category, title, slug, body], i) => ({
    _ref: `kbArticle-${i + 1}`,
    title,
    slug,
    body,
    category,
    published: i !== 2 && i !== 10,
  }));

  return { customer, ticket, comment, kbArticle };
}

// =========================================================================================================

const apps = { 'sales-crm': salesCrm(), helpdesk: helpdesk() };
for (const [app, records] of Object.entries(apps)) {
  const size = writeData(join(HERE, app, 'data.json'), records);
  const counts = Object.entries(records)
    .map(([object, list]) => `${object} ${list.length}`)
    .join(', ');
  console.log(`${app}/data.json: ${counts} (${Math.round(size / 1024)} KB)`);
}

/** English: the reference resource. Every other locale has exactly these keys (checked by the type below). */
export const en = {
  app: { name: 'Stratum Studio' },
  nav: { objects: 'Objects', workflows: 'Workflows', roles: 'Roles', people: 'People', menu: 'Toggle navigation' },
  header: {
    theme: 'Switch theme',
    themeLight: 'Light theme',
    themeDark: 'Dark theme',
    language: 'Language',
    logout: 'Log out',
    workspace: 'Workspace',
  },
  login: {
    title: 'Sign in to Stratum',
    subtitle: 'Design your CRM: objects, workflows, roles and people.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'Wrong email or password',
    locked: 'Too many failed logins for this account; try again later',
    failed: 'Could not sign in: {{message}}',
  },
  common: {
    loading: 'Loading…',
    error: 'Something went wrong: {{message}}',
    empty: 'Nothing here yet',
    yes: 'Yes',
    no: 'No',
    back: 'Back',
  },
  objects: {
    title: 'Objects',
    name: 'Name',
    label: 'Label',
    fields: 'Fields',
    notFound: 'There is no object named “{{name}}”',
  },
  fields: { title: 'Fields of {{label}}', name: 'Name', type: 'Type', required: 'Required', label: 'Label' },
  workflows: { title: 'Workflows', name: 'Name', label: 'Label', trigger: 'Trigger', active: 'Active' },
  roles: { title: 'Roles', name: 'Name', label: 'Label', description: 'Description', rules: 'Rules' },
  people: { title: 'People', name: 'Name', email: 'Email', roles: 'Roles', active: 'Active', lastLogin: 'Last login' },
  notFound: { title: 'Page not found', home: 'Go to objects' },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** What a translation must provide: the same keys as English, any strings. */
export type Resource = Shape<typeof en>;

import type { Translation } from '../translation';
import { access } from './access';
import { base } from './base';
import { board } from './board';
import { convert } from './convert';
import { dashboard } from './dashboard';
import { flow } from './flow';
import { home } from './home';
import { importWizard } from './import';
import { layouts } from './layouts';
import { list } from './list';
import { manifest } from './manifest';
import { notifications } from './notifications';
import { approvals } from './approvals';
import { peopleImport } from './people-import';
import { pipelines } from './pipelines';
import { record } from './record';
import { rules } from './rules';
import { search } from './search';
import { widgets } from './widgets';
import { tasks } from './tasks';
import { views } from './views';

/** Uzbek (Latin script, Oʻzbekcha): the shell's strings and every section's, one file each. */
export const uz: Translation = {
  base,
  features: {
    access,
    layouts,
    manifest,
    pipelines,
    flow,
    home,
    list,
    views,
    board,
    dashboard,
    record,
    convert,
    tasks,
    notifications,
    approvals,
    search,
    widgets,
    import: importWizard,
    peopleImport,
    rules,
  },
};

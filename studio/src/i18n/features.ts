import { accessText } from '../access/text';
import { layoutsText } from '../layouts/text';
import { manifestText } from '../manifest/text';
import { pipelinesText } from '../pipelines/text';
import { flowText } from '../workflows/text';
import { boardText } from '../workspace/board/text';
import { dashboardText } from '../workspace/dashboard/text';
import { homeText } from '../workspace/home/text';
import { listText } from '../workspace/list/text';
import { viewsText } from '../workspace/list/views-text';
import { recordText } from '../workspace/record/text';
import { convertText } from '../workspace/record/convert/text';
import { tasksText } from '../workspace/tasks/text';
import { notificationsText } from '../workspace/notifications/text';
import { approvalsText } from '../workspace/approvals/text';
import { searchText } from '../workspace/search/text';
import { widgetsText } from '../workspace/record/widgets/text';
import { importText } from '../workspace/import/text';
import { peopleImportText } from '../access/people-import/text';
import { rulesText } from '../designer/rules/text';

/** Each section's strings, under its own key (`pipelines.title`, `flow.palette`, …). */
export const FEATURES = {
  access: accessText,
  layouts: layoutsText,
  manifest: manifestText,
  pipelines: pipelinesText,
  flow: flowText,
  home: homeText,
  list: listText,
  views: viewsText,
  board: boardText,
  dashboard: dashboardText,
  record: recordText,
  convert: convertText,
  tasks: tasksText,
  notifications: notificationsText,
  approvals: approvalsText,
  search: searchText,
  widgets: widgetsText,
  import: importText,
  peopleImport: peopleImportText,
  rules: rulesText,
};

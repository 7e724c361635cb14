import { accessText } from '../access/text';
import { layoutsText } from '../layouts/text';
import { manifestText } from '../manifest/text';
import { pipelinesText } from '../pipelines/text';
import { flowText } from '../workflows/text';
import { boardText } from '../workspace/board/text';
import { homeText } from '../workspace/home/text';
import { listText } from '../workspace/list/text';
import { recordText } from '../workspace/record/text';
import { tasksText } from '../workspace/tasks/text';
import { searchText } from '../workspace/search/text';

/** Each section's strings, under its own key (`pipelines.title`, `flow.palette`, …). */
export const FEATURES = {
  access: accessText,
  layouts: layoutsText,
  manifest: manifestText,
  pipelines: pipelinesText,
  flow: flowText,
  home: homeText,
  list: listText,
  board: boardText,
  record: recordText,
  tasks: tasksText,
  search: searchText,
};

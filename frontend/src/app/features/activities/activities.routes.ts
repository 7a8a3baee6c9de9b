import { Routes } from '@angular/router';

import { ActivityList } from './activity-list';

export default [{ path: '', component: ActivityList }] satisfies Routes;

import { Routes } from '@angular/router';

import { ComingSoon } from './coming-soon';

export default [{ path: '', component: ComingSoon }] satisfies Routes;

import { Routes } from '@angular/router';

import { Home } from './home';

export default [{ path: '', component: Home }] satisfies Routes;

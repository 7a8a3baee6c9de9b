import { Routes } from '@angular/router';

import { Tenants } from './tenants/tenants';

export default [{ path: '', component: Tenants }] satisfies Routes;

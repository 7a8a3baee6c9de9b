import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:public';

/** Opts an endpoint out of authentication (every endpoint is authenticated by default). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

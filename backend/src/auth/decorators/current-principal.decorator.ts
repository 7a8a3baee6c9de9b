import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '../principal';

/** The verified caller, as set by AuthenticationGuard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ user: Principal }>().user;
});

import { DynamicModule, Global, Module } from '@nestjs/common';
import { Env } from './env.schema';

export const ENV = Symbol('ENV');

/** Holds the configuration parsed (and validated) once at boot; tests pass their own. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(env: Env): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: ENV, useValue: env }], exports: [ENV] };
  }
}

import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';

/** The policy module: one place that decides who may do what to whom (see access-policy.ts). */
@Global()
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}

import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'coachflow:public';

/** Opens a route to callers without a token (login, sign-up, health, docs). Everything else needs one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

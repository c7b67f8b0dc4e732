import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigurationModule } from '#api/modules/configuration/configuration.module';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { OidcController } from './auth/oidc.controller';
import { OidcService } from './auth/oidc.service';
import { PasswordHasher } from './auth/password-hasher';
import { SessionService } from './auth/session.service';
import { TokenService } from './auth/token.service';
import { OrganisationEntity } from './entities/organisation.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { ImportUsersHandler } from './import/import-users.handler';
import { OrganisationsController } from './organisations.controller';
import { PeopleService } from './people.service';
import { StaffingDispatcher } from './staffing-dispatcher';
import { UsersController } from './users.controller';

@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity, UserEntity, SessionEntity]), ConfigurationModule],
  controllers: [AuthController, OidcController, UsersController, OrganisationsController],
  providers: [
    PeopleService,
    AuthService,
    OidcService,
    SessionService,
    ImportUsersHandler,
    PasswordHasher,
    TokenService,
    StaffingDispatcher,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PeopleService, TypeOrmModule],
})
export class PeopleModule {}

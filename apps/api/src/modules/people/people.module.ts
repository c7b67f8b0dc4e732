import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { PasswordHasher } from './auth/password-hasher';
import { TokenService } from './auth/token.service';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserEntity } from './entities/user.entity';
import { OrganisationsController } from './organisations.controller';
import { PeopleService } from './people.service';
import { UsersController } from './users.controller';

@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity, UserEntity])],
  controllers: [AuthController, UsersController, OrganisationsController],
  providers: [PeopleService, PasswordHasher, TokenService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [PeopleService, TypeOrmModule],
})
export class PeopleModule {}

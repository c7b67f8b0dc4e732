import { type Static, Type } from '@sinclair/typebox';
import { oneOf, ShortText, Uuid } from './identifiers';
import { ROLES } from './roles';

const Email = Type.String({ format: 'email', maxLength: 254 });
// Long enough for a passphrase, short enough that hashing it is not a denial-of-service lever.
const Password = Type.String({ minLength: 1, maxLength: 256 });
const NewPassword = Type.String({ minLength: 8, maxLength: 256 });
export const RoleSchema = oneOf(ROLES);

export const LoginRequest = Type.Object(
  {
    email: Email,
    password: Password,
    /**
     * Needed only when the address and password fit users of several organisations (the answer is then
     * 409 and lists them); an address is unique within an organisation, not across organisations.
     */
    organisationId: Type.Optional(Uuid),
    /**
     * Scripts set this to get the refresh token in the answer's body. Browsers leave it out: their refresh
     * token stays in the httpOnly cookie, out of reach of any script on the page.
     */
    includeRefreshToken: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const UserView = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  managerId: Type.Union([Uuid, Type.Null()]),
  organisationId: Uuid,
  /** False once an admin deactivated the user: they can no longer sign in. */
  active: Type.Boolean(),
});
export type UserView = Static<typeof UserView>;

export const LoginResponse = Type.Object({
  /** Short-lived access token: send it as `Authorization: Bearer <token>`. */
  token: Type.String(),
  user: UserView,
  /**
   * Long-lived refresh token for scripts (`POST /api/auth/refresh`): only when the login asked for it
   * (`includeRefreshToken`) or the refresh sent its token in the body. Browsers use the httpOnly cookie.
   */
  refreshToken: Type.Optional(Type.String()),
});
export type LoginResponse = Static<typeof LoginResponse>;

export const CreateUserRequest = Type.Object(
  {
    email: Email,
    name: ShortText(),
    password: NewPassword,
    role: RoleSchema,
    managerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateUserRequest = Static<typeof CreateUserRequest>;

export const SignUpRequest = Type.Object(
  {
    name: ShortText(),
    admin: Type.Object(
      { email: Email, name: ShortText(), password: NewPassword },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type SignUpRequest = Static<typeof SignUpRequest>;

export const OrganisationView = Type.Object({ id: Uuid, name: Type.String() });
export type OrganisationView = Static<typeof OrganisationView>;

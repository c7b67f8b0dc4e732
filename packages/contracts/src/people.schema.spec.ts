import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { CreateUserRequest, LoginRequest } from './people.schema';

const ajv = addFormats(new Ajv({ allErrors: true }));

describe('people request schemas', () => {
  it('accepts a well-formed login', () => {
    expect(ajv.validate(LoginRequest, { email: 'maria@demo.test', password: 'coachflow' })).toBe(true);
  });

  it('rejects a login with extra fields or a malformed email', () => {
    expect(ajv.validate(LoginRequest, { email: 'maria@demo.test', password: 'x', role: 'admin' })).toBe(
      false,
    );
    expect(ajv.validate(LoginRequest, { email: 'not-an-email', password: 'x' })).toBe(false);
  });

  it('allows only the four roles when creating a user', () => {
    const user = { email: 'ray@demo.test', name: 'Ray', password: 'long-enough', role: 'rep' };
    expect(ajv.validate(CreateUserRequest, user)).toBe(true);
    expect(ajv.validate(CreateUserRequest, { ...user, role: 'superuser' })).toBe(false);
  });
});

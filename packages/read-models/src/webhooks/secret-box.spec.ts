import { randomBytes } from 'node:crypto';
import { newWebhookSecret, openSecret, sealSecret, webhookSecretKey } from './secret-box';

describe('webhook secret box', () => {
  it('opens what it sealed, and only with the same key', () => {
    const key = randomBytes(32);
    const secret = newWebhookSecret();
    const sealed = sealSecret(key, secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(openSecret(key, sealed)).toBe(secret);
    expect(() => openSecret(randomBytes(32), sealed)).toThrow();
  });

  it('reads a 32-byte key as base64 or hex and refuses any other length', () => {
    const key = randomBytes(32);
    expect(webhookSecretKey(key.toString('base64'))).toEqual(key);
    expect(webhookSecretKey(key.toString('hex'))).toEqual(key);
    expect(webhookSecretKey(undefined)).toBeUndefined();
    expect(() => webhookSecretKey('c2hvcnQ=')).toThrow(/32 bytes/);
  });
});

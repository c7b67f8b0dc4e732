import { checkWebhookUrl, guardedLookup, isPublicAddress } from './webhook-address';

describe('webhook addresses', () => {
  it('refuses loopback, private, link-local, metadata and reserved addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
      '168.63.129.16',
    ])
      expect({ address, public: isPublicAddress(address) }).toEqual({ address, public: false });
    for (const address of ['93.184.216.34', '2606:4700::1111', '8.8.8.8'])
      expect({ address, public: isPublicAddress(address) }).toEqual({ address, public: true });
  });

  it('refuses at registration an http URL, a private literal and a name that resolves to 127.0.0.1', async () => {
    await expect(checkWebhookUrl('http://93.184.216.34/hook', false)).rejects.toThrow('must be an https URL');
    await expect(checkWebhookUrl('https://169.254.169.254/latest', false)).rejects.toThrow(
      /169\.254\.169\.254/,
    );
    await expect(checkWebhookUrl('https://[::1]/hook', false)).rejects.toThrow(/::1/);
    await expect(checkWebhookUrl('https://localhost/hook', false)).rejects.toThrow(/private or reserved/);
    await expect(checkWebhookUrl('https://user:pw@93.184.216.34/', false)).rejects.toThrow(/credentials/);
    await expect(checkWebhookUrl('https://93.184.216.34/hook', false)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://localhost:8080/hook', true)).resolves.toBeInstanceOf(URL);
  });

  it('refuses at connect time a name that resolves to a loopback address', async () => {
    const lookup = (allowPrivate: boolean) =>
      new Promise<string>((resolve, reject) =>
        guardedLookup(allowPrivate)('localhost', {}, (error, address) =>
          error ? reject(error) : resolve(String(address)),
        ),
      );
    await expect(lookup(false)).rejects.toThrow(/localhost resolves to .*private or reserved/);
    await expect(lookup(true)).resolves.toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});

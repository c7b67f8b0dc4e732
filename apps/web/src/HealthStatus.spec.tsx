import { renderToStaticMarkup } from 'react-dom/server';
import { HealthStatus } from './HealthStatus';

describe('HealthStatus', () => {
  it('says all is up when every check is up', () => {
    const html = renderToStaticMarkup(
      <HealthStatus health={{ status: 'ok', checks: { database: 'up', temporal: 'up' } }} />,
    );
    expect(html).toContain('All systems are up.');
  });

  it('names the dependency that is down', () => {
    const html = renderToStaticMarkup(
      <HealthStatus health={{ status: 'error', checks: { database: 'up', temporal: 'down' } }} />,
    );
    expect(html).toContain('Degraded: temporal is down.');
  });

  it('tells when the server cannot be reached', () => {
    expect(renderToStaticMarkup(<HealthStatus health="unreachable" />)).toContain('cannot be reached');
  });
});

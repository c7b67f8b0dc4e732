import {
  type FieldError,
  type FormBody,
  PLAYBOOK_BUNDLE_FORMAT,
  type PlaybookBody,
  type PlaybookBundle,
  type PlaybookImportResult,
  type TaskKind,
} from '@coachflow/contracts';
import type { ConfigurationKind, ConfigurationRecord } from '@coachflow/domain';
import { latestPublishedVersion } from '@coachflow/domain';
import type { EventStore } from '@coachflow/event-store';
import { validateFormBody, validatePlaybook, validateRubric } from '@coachflow/forms';
import { loadConfiguration } from '@coachflow/configuration';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_STORE } from '#api/infrastructure/database/database.module';
import { canSeeConfiguration } from './configuration-access';
import { ConfigurationErrorCode, ConfigurationException } from './configuration.exception';
import { type Actor, ConfigurationService } from './configuration.service';

/** Moves a playbook with its rubric and forms between organisations as one JSON document. */
@Injectable()
export class PlaybookBundleService {
  private readonly logger = new Logger(PlaybookBundleService.name);

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly configuration: ConfigurationService,
  ) {}

  /**
   * The playbook at `version` (default: its latest published version, else its draft) with the rubric and
   * the forms it names, each at its latest published version (else its draft): the versions a cycle
   * started now would pin.
   */
  async export(caller: Actor, playbookId: string, version?: number): Promise<PlaybookBundle> {
    const playbook = await this.find(caller, 'playbook', playbookId);
    const chosen =
      version === undefined
        ? (latestPublishedVersion(playbook) ?? playbook.versions.at(-1)!)
        : playbook.versions[version - 1];
    if (!chosen)
      throw new ConfigurationException(ConfigurationErrorCode.VersionNotFound, `No version ${version}.`);
    const body = chosen.body as PlaybookBody;
    const pinned = async <T>(kind: ConfigurationKind, id: string) => {
      const record = await this.find(caller, kind, id);
      const at = latestPublishedVersion(record) ?? record.versions.at(-1)!;
      return { id, version: at.version, body: at.body as T };
    };
    const formIds = [...new Set(Object.values(body.forms ?? {}))];
    return {
      format: PLAYBOOK_BUNDLE_FORMAT,
      formatVersion: 1,
      exportedAt: new Date().toISOString(),
      playbook: { id: playbookId, version: chosen.version, body },
      rubric: await pinned<PlaybookBundle['rubric']['body']>('rubric', body.rubricId),
      forms: await Promise.all(formIds.map((id) => pinned<FormBody>('form', id))),
    };
  }

  /**
   * Recreates the bundle as drafts with new ids in the caller's organisation. Everything is checked first
   * and every conflict reported at once (400, paths into the bundle); nothing is written unless all is good.
   */
  async import(actor: Actor, bundle: PlaybookBundle): Promise<PlaybookImportResult> {
    const errors = bundleErrors(bundle);
    if (errors.length > 0)
      throw new ConfigurationException(
        ConfigurationErrorCode.ImportConflict,
        'The bundle cannot be imported; see errors for every conflict. Nothing was imported.',
        errors,
      );
    const created: { kind: ConfigurationKind; id: string }[] = [];
    const create = async (kind: ConfigurationKind, body: unknown) => {
      const { view } = await this.configuration.create(actor, kind, body);
      created.push({ kind, id: view.id });
      return view.id;
    };
    try {
      const rubricId = await create('rubric', bundle.rubric.body);
      const forms: Record<string, string> = {};
      for (const form of bundle.forms) forms[form.id] = await create('form', form.body);
      const remapped = Object.fromEntries(
        Object.entries(bundle.playbook.body.forms ?? {}).map(([kind, id]) => [kind, forms[id]!]),
      ) as PlaybookBody['forms'];
      const playbookId = await create('playbook', {
        ...bundle.playbook.body,
        rubricId,
        ...(bundle.playbook.body.forms ? { forms: remapped } : {}),
      });
      return { playbookId, rubricId, forms };
    } catch (error) {
      // Checked up front, so only an outage lands here: archive what was created rather than leave half.
      for (const { kind, id } of created) {
        await this.configuration.archive(actor, kind, id).catch((archiveError: unknown) => {
          this.logger.error(`could not archive ${kind} ${id} of a failed import: ${String(archiveError)}`);
        });
      }
      throw error;
    }
  }

  private async find(caller: Actor, kind: ConfigurationKind, id: string): Promise<ConfigurationRecord> {
    const { state: record } = await loadConfiguration(this.eventStore, kind, id);
    if (!canSeeConfiguration(caller, record) || record.kind !== kind)
      throw new ConfigurationException(ConfigurationErrorCode.NotFound, `No such ${kind}.`);
    return record;
  }
}

/** Every reason the bundle cannot be imported as it stands, with JSON pointers into it. */
export function bundleErrors(bundle: PlaybookBundle): FieldError[] {
  const under = (prefix: string, errors: FieldError[]) =>
    errors.map((error) => ({ ...error, path: `${prefix}${error.path === '/' ? '' : error.path}` }));
  const errors: FieldError[] = [...under('/rubric/body', validateRubric(bundle.rubric.body))];
  const formsById = new Map<string, FormBody>();
  bundle.forms.forEach((form, index) => {
    if (formsById.has(form.id))
      errors.push({ path: `/forms/${index}/id`, message: 'appears twice in the bundle' });
    formsById.set(form.id, form.body);
    errors.push(...under(`/forms/${index}/body`, validateFormBody(form.body)));
  });
  const playbook = bundle.playbook.body;
  if (playbook.rubricId !== bundle.rubric.id)
    errors.push({ path: '/playbook/body/rubricId', message: 'names no rubric of the bundle' });
  const named: Partial<Record<TaskKind, FormBody>> = {};
  for (const [kind, id] of Object.entries(playbook.forms ?? {}) as [TaskKind, string][]) {
    const form = formsById.get(id);
    if (!form) errors.push({ path: `/playbook/body/forms/${kind}`, message: 'names no form of the bundle' });
    else named[kind] = form;
  }
  const used = new Set(Object.values(playbook.forms ?? {}));
  bundle.forms.forEach((form, index) => {
    if (!used.has(form.id))
      errors.push({ path: `/forms/${index}/id`, message: 'is not used by the playbook' });
  });
  errors.push(
    ...under('/playbook/body', validatePlaybook(playbook, { rubric: bundle.rubric.body, forms: named })),
  );
  return errors;
}

import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '#web/app/root-route';

/**
 * The admins' builder area, loaded only when opened so task users never download it: the list of rubrics,
 * forms and playbooks, and one editor for each.
 */
export const builderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/builder',
  component: lazyRouteComponent(() => import('./BuilderHome'), 'BuilderHome'),
});

export const formBuilderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/builder/forms/$formId',
  component: lazyRouteComponent(() => import('./builder-pages'), 'FormRoutePage'),
});

export const rubricEditorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/builder/rubrics/$rubricId',
  component: lazyRouteComponent(() => import('./builder-pages'), 'RubricRoutePage'),
});

export const playbookEditorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/builder/playbooks/$playbookId',
  component: lazyRouteComponent(() => import('./builder-pages'), 'PlaybookRoutePage'),
});

export const builderRoutes = [
  builderRoute,
  formBuilderRoute,
  rubricEditorRoute,
  playbookEditorRoute,
] as const;

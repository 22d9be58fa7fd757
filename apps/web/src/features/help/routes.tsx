import type { RouteObject } from 'react-router';

const helpPage = async () => {
  const [m] = await Promise.all([import('./HelpPage'), import('./i18n').then((n) => n.loadHelpNamespace())]);
  return { Component: m.HelpPage };
};

export const helpRoutes: RouteObject[] = [
  { path: 'bantuan', lazy: helpPage },
  { path: 'bantuan/:topic', lazy: helpPage },
];

import type { FastifyPluginAsync } from 'fastify';
import accountRequests from './account-requests';
import achievements from './achievements';
import admin from './admin';
import auth from './auth';
import catalogue from './catalogue';
import claims from './claims';
import learners from './learners';
import me from './me';
import organisations from './organisations';
import selectLar from './select-lar';

/** Every feature route lives under /api/v1, one folder per feature, each registered here. */
const v1: FastifyPluginAsync = async (app) => {
  await app.register(auth, { prefix: '/auth' });
  await app.register(me, { prefix: '/me' });
  await app.register(accountRequests, { prefix: '/account-requests' });
  await app.register(admin, { prefix: '/admin' });
  await app.register(achievements, { prefix: '/achievements' });
  await app.register(catalogue, { prefix: '/catalogue' });
  await app.register(claims, { prefix: '/claims' });
  await app.register(learners, { prefix: '/learners' });
  await app.register(organisations, { prefix: '/organisations' });
  await app.register(selectLar, { prefix: '/select-lar' });
};

export default v1;

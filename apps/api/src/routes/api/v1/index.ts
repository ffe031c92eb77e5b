import type { FastifyPluginAsync } from 'fastify';
import admin from './admin';

/** Every feature route lives under /api/v1, one folder per feature, each registered here. */
const v1: FastifyPluginAsync = async (app) => {
  await app.register(admin, { prefix: '/admin' });
};

export default v1;

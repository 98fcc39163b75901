import {
  zCreateUserBody,
  zErrorBody,
  zInviteResponse,
  zUpdateUserBody,
  zUserParams,
  zUserResponse,
  zUsersQuery,
  zUsersResponse,
} from '@pulse/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createUser, inviteUser, listUsers, updateUser } from './users.service.js';

const errors = { 400: zErrorBody };

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const managers = app.requireRole('admin', 'hr');

  app.get(
    '/users',
    {
      onRequest: managers,
      schema: {
        tags: ['users'],
        summary: 'Accounts and their roles (members only when asked for with role=member)',
        querystring: zUsersQuery,
        response: { 200: zUsersResponse, ...errors },
      },
    },
    async (request) => ({ users: await listUsers(app, request.query) }),
  );

  app.post(
    '/users',
    {
      onRequest: managers,
      schema: {
        tags: ['users'],
        summary: 'Create an account and mail an invitation to choose a password',
        body: zCreateUserBody,
        response: { 201: zUserResponse, ...errors, 409: zErrorBody },
      },
    },
    async (request, reply) => reply.status(201).send({ user: await createUser(app, request.user!, request.body) }),
  );

  app.patch(
    '/users/:id',
    {
      onRequest: managers,
      schema: {
        tags: ['users'],
        summary: 'Change name, role, team or active state',
        params: zUserParams,
        body: zUpdateUserBody,
        response: { 200: zUserResponse, ...errors, 404: zErrorBody, 409: zErrorBody },
      },
    },
    async (request) => ({ user: await updateUser(app, request.user!, request.params.id, request.body) }),
  );

  app.post(
    '/users/:id/invite',
    {
      onRequest: managers,
      schema: {
        tags: ['users'],
        summary: 'Mail a new invitation link',
        params: zUserParams,
        response: { 202: zInviteResponse, ...errors, 404: zErrorBody, 409: zErrorBody },
      },
    },
    async (request, reply) => reply.status(202).send(await inviteUser(app, request.user!, request.params.id)),
  );
};

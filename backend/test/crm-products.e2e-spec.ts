import { INestApplication } from '@nestjs/common';
import { http, startApp } from './support/auth-helpers';
import { bearer, CrmTenant, CrmUser, setupCrmTenant } from './support/crm-fixtures';
import { createTestDb, TestDb } from './support/test-db';

describe('catalog API: products, categories, price lists (real PostgreSQL)', () => {
  let db: TestDb;
  let app: INestApplication;
  let t: CrmTenant;
  const as = (user: CrmUser) => bearer(t.users[user].token);
  const post = (path: string, body: object, user: CrmUser = 'admin') => http(app).post(path).set(as(user)).send(body);
  const audit = (table: string, id: string) =>
    t.sql<{ acao: string; campo: string | null; valor_anterior: unknown; valor_novo: unknown; usuario_id: string | null }>(
      'SELECT acao, campo, valor_anterior, valor_novo, usuario_id FROM tb_auditoria WHERE entidade = $1 AND registro_id = $2 ORDER BY ocorrido_em, campo',
      [table, id],
    );
  const fieldsOf = (body: { details: { fields: { field: string }[] } }) => [...new Set(body.details.fields.map((f) => f.field))].sort();
  const missing = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    db = await createTestDb({ LOGIN_RATE_LIMIT: '100000' });
    app = await startApp(db);
    t = await setupCrmTenant(app, db, 'crm_catalogo');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('products', () => {
    it('creates a product with a category and normalized codes, reads it back, audits it', async () => {
      const [category] = (await http(app).get('/api/product-categories?limit=1').set(as('admin')).expect(200)).body.items;
      const res = await post('/api/products', {
        name: ' Arroz tipo 1 5 kg ',
        sku: ' ARZ-5KG ',
        type: 'produto',
        categoryId: category.id,
        unit: 'fd',
        gtin: '7891234567895',
        ncm: '1006.30.21',
        price: 24.9,
        cost: 17.5,
      }).expect(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        name: 'Arroz tipo 1 5 kg',
        sku: 'ARZ-5KG',
        categoryId: category.id,
        categoryName: category.name,
        unit: 'FD',
        ncm: '10063021',
        price: 24.9,
        cost: 17.5,
        currency: 'BRL',
        active: true,
        version: 1,
      });
      expect((await http(app).get(`/api/products/${res.body.id}`).set(as('salesSouth')).expect(200)).body).toEqual(res.body);
      const rows = await audit('tb_produto', res.body.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ acao: 'criar', usuario_id: t.users.admin.id });
      expect(rows[0].valor_novo).toMatchObject({ sku: 'ARZ-5KG', price: 24.9 });
      // stored exactly as numeric(14,2)
      expect(await t.sql('SELECT preco::text, custo::text FROM tb_produto WHERE id = $1', [res.body.id])).toEqual([{ preco: '24.90', custo: '17.50' }]);
    });

    it('names each bad field', async () => {
      const res = await post('/api/products', { name: '', price: -1, cost: 1.005, gtin: '12345', ncm: 'abc', type: 'kit', currency: 'real', recurrence: 'diaria', active: 'sim', bar: 1 }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toEqual(['active', 'bar', 'cost', 'currency', 'gtin', 'name', 'ncm', 'price', 'recurrence', 'type']);
      const ref = await post('/api/products', { name: 'x', categoryId: missing }).expect(400);
      expect(ref.body).toMatchObject({ code: 'INVALID_REFERENCE', details: { fields: [{ field: 'categoryId' }] } });
    });

    it('keeps the SKU unique among live products (409 with the existing id), on create, update and restore', async () => {
      const first = (await post('/api/products', { name: 'Feijão 1 kg', sku: 'FJ-1' }).expect(201)).body;
      const dup = await post('/api/products', { name: 'Outro feijão', sku: 'FJ-1' }).expect(409);
      expect(dup.body).toMatchObject({ code: 'DUPLICATE_SKU', details: { field: 'sku', existingId: first.id } });
      const other = (await post('/api/products', { name: 'Café 500 g', sku: 'CF-500' }).expect(201)).body;
      const upd = await http(app).patch(`/api/products/${other.id}`).set(as('admin')).send({ version: 1, sku: 'FJ-1' }).expect(409);
      expect(upd.body.details).toEqual({ field: 'sku', existingId: first.id });
      // products without SKU do not collide
      await post('/api/products', { name: 'Sem código A' }).expect(201);
      await post('/api/products', { name: 'Sem código B' }).expect(201);
      // a deleted product frees its SKU; it cannot come back over the new owner
      await http(app).delete(`/api/products/${first.id}`).set(as('admin')).expect(204);
      const successor = (await post('/api/products', { name: 'Feijão novo', sku: 'FJ-1' }).expect(201)).body;
      const restore = await http(app).post(`/api/products/${first.id}/restore`).set(as('admin')).expect(409);
      expect(restore.body).toMatchObject({ code: 'DUPLICATE_SKU', details: { existingId: successor.id } });
    });

    it('updates with versions (409 stale, 428 missing), soft-deletes and restores, with audit rows; 404s', async () => {
      const p = (await post('/api/products', { name: 'Óleo de soja', sku: 'OL-900', price: 7.99 }).expect(201)).body;
      const v2 = await http(app).patch(`/api/products/${p.id}`).set(as('manager')).set('If-Match', '"1"').send({ price: 8.49, active: false }).expect(200);
      expect(v2.body).toMatchObject({ price: 8.49, active: false, version: 2 });
      expect((await http(app).patch(`/api/products/${p.id}`).set(as('manager')).send({ version: 1, price: 1 }).expect(409)).body.details).toEqual({ currentVersion: 2 });
      await http(app).patch(`/api/products/${p.id}`).set(as('manager')).send({ price: 1 }).expect(428);
      await http(app).delete(`/api/products/${p.id}`).set(as('manager')).expect(204);
      await http(app).get(`/api/products/${p.id}`).set(as('manager')).expect(404);
      const restored = await http(app).post(`/api/products/${p.id}/restore`).set(as('manager')).expect(200);
      expect(restored.body).toMatchObject({ deletedAt: null, version: 4 });
      expect((await audit('tb_produto', p.id)).map((r) => [r.acao, r.campo])).toEqual([
        ['criar', null],
        ['atualizar', 'ativo'],
        ['atualizar', 'preco'],
        ['excluir', 'excluido_em'],
        ['restaurar', 'excluido_em'],
      ]);
      const history = await http(app).get(`/api/products/${p.id}/history`).set(as('analyst')).expect(200);
      expect(history.body.items.map((i: { action: string }) => i.action)).toEqual(['restaurar', 'excluir', 'atualizar', 'atualizar', 'criar']);
      for (const req of [
        http(app).get(`/api/products/${missing}`),
        http(app).patch(`/api/products/${missing}`).send({ version: 1, name: 'x' }),
        http(app).delete(`/api/products/${missing}`),
        http(app).post(`/api/products/${missing}/restore`),
        http(app).get(`/api/products/${missing}/history`),
      ]) {
        expect((await req.set(as('admin')).expect(404)).body.code).toBe('PRODUCT_NOT_FOUND');
      }
    });

    it('lists with search (name, SKU, GTIN; accents ignored), filters and sorts', async () => {
      const cat = (await post('/api/product-categories', { name: 'Bebidas' }).expect(201)).body;
      await post('/api/products', { name: 'Refrigerante Guaraná 2 L', sku: 'REF-GUA-2L', gtin: '7894900011517', price: 9.5, categoryId: cat.id }).expect(201);
      await post('/api/products', { name: 'Água mineral 500 ml', sku: 'AGU-500', price: 2.25, categoryId: cat.id }).expect(201);
      await post('/api/products', { name: 'Assinatura de entrega', type: 'assinatura', recurrence: 'mensal', price: 49.9 }).expect(201);
      const names = async (qs: string) => (await http(app).get(`/api/products?${qs}&fields=name&limit=200`).set(as('salesNorth')).expect(200)).body.items.map((i: { name: string }) => i.name);
      expect(await names('q=guarana')).toEqual(['Refrigerante Guaraná 2 L']);
      expect(await names('q=agu-500')).toEqual(['Água mineral 500 ml']);
      expect(await names('q=7894900011517')).toEqual(['Refrigerante Guaraná 2 L']);
      expect(await names(`categoryId=${cat.id}&sort=-price`)).toEqual(['Refrigerante Guaraná 2 L', 'Água mineral 500 ml']);
      expect(await names('type=assinatura')).toEqual(['Assinatura de entrega']);
      expect(await names('sku=REF-GUA-2L')).toEqual(['Refrigerante Guaraná 2 L']);
      expect(await names('priceMin=9&priceMax=10')).toEqual(['Refrigerante Guaraná 2 L']);
      expect(await names('active=false')).toEqual(['Óleo de soja']);
      const bad = await http(app).get('/api/products?sort=cost').set(as('admin')).expect(400);
      expect(bad.body).toMatchObject({ code: 'INVALID_SORT', details: { allowed: ['sku', 'name', 'price', 'createdAt', 'updatedAt'] } });
    });

    it('lets every role read and only admins/managers write', async () => {
      const p = (await post('/api/products', { name: 'Produto de papéis' }).expect(201)).body;
      for (const user of ['salesNorth', 'analyst'] as CrmUser[]) {
        await http(app).get('/api/products').set(as(user)).expect(200);
        expect((await post('/api/products', { name: 'x' }, user).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
        await http(app).patch(`/api/products/${p.id}`).set(as(user)).send({ version: 1, name: 'x' }).expect(403);
        await http(app).delete(`/api/products/${p.id}`).set(as(user)).expect(403);
        await post('/api/product-categories', { name: 'x' }, user).expect(403);
        await post('/api/price-lists', { name: 'x' }, user).expect(403);
      }
    });
  });

  describe('categories', () => {
    it('builds a tree, refuses cycles, and keeps categories in use', async () => {
      const defaults = (await http(app).get('/api/product-categories?root=true&fields=name&limit=200').set(as('analyst')).expect(200)).body.items.map((i: { name: string }) => i.name);
      expect(defaults.slice(0, 4)).toEqual(['Bebidas', 'Produtos', 'Serviços', 'Assinaturas']); // by order (Bebidas: 0), then name
      const food = (await post('/api/product-categories', { name: 'Alimentos', order: 10 }).expect(201)).body;
      const grains = (await post('/api/product-categories', { name: 'Grãos', parentId: food.id }).expect(201)).body;
      const rice = (await post('/api/product-categories', { name: 'Arroz', parentId: grains.id }).expect(201)).body;
      const children = await http(app).get(`/api/product-categories?parentId=${food.id}&fields=id`).set(as('admin')).expect(200);
      expect(children.body.items).toEqual([{ id: grains.id }]);

      const cycle = await http(app).patch(`/api/product-categories/${food.id}`).set(as('admin')).send({ parentId: rice.id }).expect(400);
      expect(fieldsOf(cycle.body)).toEqual(['parentId']);
      await http(app).patch(`/api/product-categories/${food.id}`).set(as('admin')).send({ parentId: food.id }).expect(400);
      const badRef = await post('/api/product-categories', { name: 'Órfã', parentId: missing }).expect(400);
      expect(badRef.body.code).toBe('INVALID_REFERENCE');

      const renamed = await http(app).patch(`/api/product-categories/${rice.id}`).set(as('manager')).send({ name: 'Arroz e derivados', active: false }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Arroz e derivados', active: false, parentId: grains.id });

      await post('/api/products', { name: 'Arroz integral', categoryId: rice.id }).expect(201);
      const inUse = await http(app).delete(`/api/product-categories/${grains.id}`).set(as('admin')).expect(409);
      expect(inUse.body).toMatchObject({ code: 'CATEGORY_IN_USE', details: { products: 0, subcategories: 1 } });
      expect((await http(app).delete(`/api/product-categories/${rice.id}`).set(as('admin')).expect(409)).body.details).toEqual({ products: 1, subcategories: 0 });

      const empty = (await post('/api/product-categories', { name: 'Vazia', parentId: food.id }).expect(201)).body;
      await http(app).delete(`/api/product-categories/${empty.id}`).set(as('admin')).expect(204);
      await http(app).get(`/api/product-categories/${empty.id}`).set(as('admin')).expect(404);
      expect((await http(app).post(`/api/product-categories/${empty.id}/restore`).set(as('admin')).expect(200)).body.deletedAt).toBeNull();
      expect((await audit('tb_categoria_produto', empty.id)).map((r) => r.acao)).toEqual(['criar', 'excluir', 'restaurar']);
      expect((await http(app).get(`/api/product-categories/${missing}`).set(as('admin')).expect(404)).body.code).toBe('CATEGORY_NOT_FOUND');
    });
  });

  describe('price lists', () => {
    it('creates lists, moves the default flag, validates the validity period, versions and audit', async () => {
      const [standard] = (await http(app).get('/api/price-lists?isDefault=true').set(as('salesNorth')).expect(200)).body.items;
      expect(standard).toMatchObject({ name: 'Tabela padrão', isDefault: true, currency: 'BRL', active: true });
      const bad = await post('/api/price-lists', { name: 'Verão', validFrom: '2025-03-01', validTo: '2025-01-31' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['validTo']);
      const summer = (await post('/api/price-lists', { name: 'Verão', validFrom: '2025-01-01', validTo: '2025-03-31', isDefault: true }).expect(201)).body;
      expect(summer).toMatchObject({ isDefault: true, validFrom: '2025-01-01', validTo: '2025-03-31', version: 1 });
      expect((await http(app).get(`/api/price-lists/${standard.id}`).set(as('admin')).expect(200)).body).toMatchObject({ isDefault: false, version: 2 });
      expect((await audit('tb_tabela_preco', standard.id)).map((r) => [r.acao, r.campo, r.valor_novo])).toEqual([['atualizar', 'padrao', false]]);

      const stale = await http(app).patch(`/api/price-lists/${standard.id}`).set(as('admin')).send({ version: 1, isDefault: true }).expect(409);
      expect(stale.body.details).toEqual({ currentVersion: 2 });
      await http(app).patch(`/api/price-lists/${standard.id}`).set(as('admin')).send({ version: 2, isDefault: true }).expect(200);
      expect((await http(app).get('/api/price-lists?isDefault=true&fields=id').set(as('admin')).expect(200)).body.items).toEqual([{ id: standard.id }]);
      const narrowed = await http(app).patch(`/api/price-lists/${summer.id}`).set(as('admin')).send({ version: 2, validTo: '2024-12-31' }).expect(400);
      expect(fieldsOf(narrowed.body)).toEqual(['validTo']);

      await http(app).delete(`/api/price-lists/${summer.id}`).set(as('admin')).expect(204);
      await http(app).get(`/api/price-lists/${summer.id}`).set(as('admin')).expect(404);
      await http(app).post(`/api/price-lists/${summer.id}/restore`).set(as('admin')).expect(200);
      expect((await http(app).get(`/api/price-lists/${missing}`).set(as('admin')).expect(404)).body.code).toBe('PRICE_LIST_NOT_FOUND');
    });

    it('holds one price per product and volume tier (409 on a duplicate), paged with a cursor', async () => {
      const list = (await post('/api/price-lists', { name: 'Atacado' }).expect(201)).body;
      const soap = (await post('/api/products', { name: 'Sabão em pó 1 kg', sku: 'SAB-1' }).expect(201)).body;
      const base = await post(`/api/price-lists/${list.id}/items`, { productId: soap.id, price: 12.9 }).expect(201);
      expect(base.body).toMatchObject({ productId: soap.id, productName: 'Sabão em pó 1 kg', productSku: 'SAB-1', price: 12.9, minQuantity: 1, maxDiscountPercent: null });
      const tier = (await post(`/api/price-lists/${list.id}/items`, { productId: soap.id, price: 11.5, minQuantity: 24, maxDiscountPercent: 5 }).expect(201)).body;
      const dup = await post(`/api/price-lists/${list.id}/items`, { productId: soap.id, price: 10, minQuantity: 24 }).expect(409);
      expect(dup.body).toMatchObject({ code: 'DUPLICATE_PRICE_ITEM', details: { existingId: tier.id } });
      const clash = await http(app).patch(`/api/price-lists/${list.id}/items/${tier.id}`).set(as('admin')).send({ minQuantity: 1 }).expect(409);
      expect(clash.body.details.existingId).toBe(base.body.id);
      const updated = await http(app).patch(`/api/price-lists/${list.id}/items/${tier.id}`).set(as('admin')).send({ price: 11.25, minQuantity: 48 }).expect(200);
      expect(updated.body).toMatchObject({ price: 11.25, minQuantity: 48 });
      const bad = await post(`/api/price-lists/${list.id}/items`, { productId: missing, price: -1, minQuantity: 0 }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['minQuantity', 'price']);
      expect((await post(`/api/price-lists/${list.id}/items`, { productId: missing, price: 1 }).expect(400)).body.code).toBe('INVALID_REFERENCE');

      const page1 = await http(app).get(`/api/price-lists/${list.id}/items?limit=1`).set(as('salesNorth')).expect(200);
      const page2 = await http(app).get(`/api/price-lists/${list.id}/items?limit=1&cursor=${page1.body.nextCursor}`).set(as('salesNorth')).expect(200);
      expect([...page1.body.items, ...page2.body.items].map((i: { id: string }) => i.id)).toEqual([base.body.id, tier.id]);
      expect(page2.body.nextCursor).toBeNull();
      expect((await http(app).get(`/api/price-lists/${list.id}/items?productId=${soap.id}&includeTotal=true`).set(as('admin')).expect(200)).body.total).toBe(2);

      await http(app).delete(`/api/price-lists/${list.id}/items/${tier.id}`).set(as('admin')).expect(204);
      await http(app).delete(`/api/price-lists/${list.id}/items/${tier.id}`).set(as('admin')).expect(404);
      expect((await audit('tb_tabela_preco_item', tier.id)).map((r) => r.acao)).toEqual(['criar', 'atualizar', 'atualizar', 'excluir', 'excluir', 'excluir', 'excluir']);
      await http(app).get(`/api/price-lists/${missing}/items`).set(as('admin')).expect(404);
    });
  });
});

export * from './cpf';
export * from './cnpj';
export * from './cep';
export * from './phone';
export * from './money';
export * from './decorators';

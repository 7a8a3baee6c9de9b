/**
 * Pools of realistic pt-BR data for the demo generator: people, companies around a supermarket (suppliers and
 * B2B customers), cities with UF/DDD/CEP ranges, streets, products of a supermarket supplier, activity subjects.
 */

export const FIRST_NAMES_F = [
  'Ana', 'Maria', 'Juliana', 'Fernanda', 'Patrícia', 'Aline', 'Camila', 'Amanda', 'Bruna', 'Jéssica', 'Letícia',
  'Júlia', 'Luciana', 'Vanessa', 'Mariana', 'Gabriela', 'Beatriz', 'Larissa', 'Renata', 'Débora', 'Cláudia',
  'Adriana', 'Simone', 'Sandra', 'Márcia', 'Tatiane', 'Priscila', 'Carolina', 'Raquel', 'Daniela', 'Rafaela',
  'Isabela', 'Natália', 'Sabrina', 'Francisca', 'Antônia', 'Luana', 'Viviane', 'Cristiane', 'Elaine', 'Kátia',
  'Roberta', 'Sônia', 'Helena', 'Alice', 'Laura', 'Valentina', 'Lorena', 'Manuela', 'Cecília', 'Yasmin', 'Thaís',
  'Lívia', 'Eduarda', 'Tânia', 'Rosângela', 'Michele', 'Paula', 'Rita', 'Joana',
] as const;

export const FIRST_NAMES_M = [
  'José', 'João', 'Antônio', 'Francisco', 'Carlos', 'Paulo', 'Pedro', 'Lucas', 'Luiz', 'Marcos', 'Luís',
  'Gabriel', 'Rafael', 'Daniel', 'Marcelo', 'Bruno', 'Eduardo', 'Felipe', 'Raimundo', 'Rodrigo', 'Manoel',
  'Mateus', 'André', 'Fernando', 'Fábio', 'Leonardo', 'Gustavo', 'Guilherme', 'Leandro', 'Tiago', 'Anderson',
  'Ricardo', 'Márcio', 'Jorge', 'Sebastião', 'Alexandre', 'Roberto', 'Sérgio', 'Cláudio', 'Vinícius', 'Diego',
  'Renato', 'Júlio', 'Otávio', 'Henrique', 'Caio', 'Thiago', 'Igor', 'Wagner', 'Wellington', 'Edson', 'Davi',
  'Arthur', 'Miguel', 'Heitor', 'Bernardo', 'Samuel', 'Vitor', 'Murilo', 'Benedito',
] as const;

export const LAST_NAMES = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa',
  'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares', 'Fernandes', 'Vieira', 'Barbosa', 'Rocha',
  'Dias', 'Nascimento', 'Andrade', 'Moreira', 'Nunes', 'Marques', 'Machado', 'Mendes', 'Freitas', 'Cardoso',
  'Ramos', 'Gonçalves', 'Santana', 'Teixeira', 'Araújo', 'Pinto', 'Correia', 'Cavalcanti', 'Monteiro', 'Moura',
  'Campos', 'Borges', 'Batista', 'Castro', 'Rezende', 'Farias', 'Barros', 'Miranda', 'Medeiros', 'Azevedo',
  'Brandão', 'Nogueira', 'Peixoto', 'Tavares', 'Siqueira', 'Macedo', 'Guimarães', 'Fonseca', 'Queiroz',
  'Sampaio', 'Bezerra', 'Coelho', 'Pacheco', 'Franco', 'Xavier', 'Prado', 'Toledo', 'Bittencourt', 'Sales',
] as const;

export interface City {
  name: string;
  uf: string;
  ddd: string;
  /** 5-digit CEP prefix ranges [from, to] */
  cep: readonly (readonly [number, number])[];
  ibge: string;
  weight: number;
}

export const CITIES: readonly City[] = [
  // SP (Supermercado Lima's home state: most of the data)
  { name: 'São Paulo', uf: 'SP', ddd: '11', cep: [[1000, 5999], [8000, 8499]], ibge: '3550308', weight: 30 },
  { name: 'Guarulhos', uf: 'SP', ddd: '11', cep: [[7000, 7399]], ibge: '3518800', weight: 4 },
  { name: 'Osasco', uf: 'SP', ddd: '11', cep: [[6000, 6299]], ibge: '3534401', weight: 3 },
  { name: 'Santo André', uf: 'SP', ddd: '11', cep: [[9000, 9299]], ibge: '3547809', weight: 3 },
  { name: 'São Bernardo do Campo', uf: 'SP', ddd: '11', cep: [[9600, 9899]], ibge: '3548708', weight: 3 },
  { name: 'Campinas', uf: 'SP', ddd: '19', cep: [[13000, 13139]], ibge: '3509502', weight: 5 },
  { name: 'Santos', uf: 'SP', ddd: '13', cep: [[11000, 11099]], ibge: '3548500', weight: 2 },
  { name: 'Sorocaba', uf: 'SP', ddd: '15', cep: [[18000, 18109]], ibge: '3552205', weight: 2 },
  { name: 'Ribeirão Preto', uf: 'SP', ddd: '16', cep: [[14000, 14114]], ibge: '3543402', weight: 2 },
  { name: 'São José dos Campos', uf: 'SP', ddd: '12', cep: [[12200, 12249]], ibge: '3549904', weight: 2 },
  // RJ
  { name: 'Rio de Janeiro', uf: 'RJ', ddd: '21', cep: [[20000, 23799]], ibge: '3304557', weight: 8 },
  { name: 'Niterói', uf: 'RJ', ddd: '21', cep: [[24000, 24399]], ibge: '3303302', weight: 1.5 },
  { name: 'Duque de Caxias', uf: 'RJ', ddd: '21', cep: [[25000, 25299]], ibge: '3301702', weight: 1 },
  { name: 'Nova Iguaçu', uf: 'RJ', ddd: '21', cep: [[26000, 26099]], ibge: '3303500', weight: 1 },
  { name: 'Petrópolis', uf: 'RJ', ddd: '24', cep: [[25600, 25779]], ibge: '3303906', weight: 0.5 },
  // MG
  { name: 'Belo Horizonte', uf: 'MG', ddd: '31', cep: [[30000, 31999]], ibge: '3106200', weight: 5 },
  { name: 'Contagem', uf: 'MG', ddd: '31', cep: [[32000, 32399]], ibge: '3118601', weight: 1 },
  { name: 'Betim', uf: 'MG', ddd: '31', cep: [[32600, 32699]], ibge: '3106705', weight: 0.5 },
  { name: 'Juiz de Fora', uf: 'MG', ddd: '32', cep: [[36000, 36109]], ibge: '3136702', weight: 1 },
  { name: 'Uberlândia', uf: 'MG', ddd: '34', cep: [[38400, 38419]], ibge: '3170206', weight: 1 },
  // PR
  { name: 'Curitiba', uf: 'PR', ddd: '41', cep: [[80000, 82999]], ibge: '4106902', weight: 4 },
  { name: 'Londrina', uf: 'PR', ddd: '43', cep: [[86000, 86099]], ibge: '4113700', weight: 1 },
  { name: 'Maringá', uf: 'PR', ddd: '44', cep: [[87000, 87099]], ibge: '4115200', weight: 1 },
  { name: 'Ponta Grossa', uf: 'PR', ddd: '42', cep: [[84000, 84099]], ibge: '4119905', weight: 0.5 },
  { name: 'Cascavel', uf: 'PR', ddd: '45', cep: [[85800, 85829]], ibge: '4104808', weight: 0.5 },
  // RS
  { name: 'Porto Alegre', uf: 'RS', ddd: '51', cep: [[90000, 91999]], ibge: '4314902', weight: 3.5 },
  { name: 'Canoas', uf: 'RS', ddd: '51', cep: [[92000, 92479]], ibge: '4304606', weight: 0.8 },
  { name: 'Caxias do Sul', uf: 'RS', ddd: '54', cep: [[95000, 95129]], ibge: '4305108', weight: 1 },
  { name: 'Pelotas', uf: 'RS', ddd: '53', cep: [[96000, 96099]], ibge: '4314407', weight: 0.5 },
  { name: 'Santa Maria', uf: 'RS', ddd: '55', cep: [[97000, 97119]], ibge: '4316907', weight: 0.5 },
  // BA
  { name: 'Salvador', uf: 'BA', ddd: '71', cep: [[40000, 42599]], ibge: '2927408', weight: 3.5 },
  { name: 'Feira de Santana', uf: 'BA', ddd: '75', cep: [[44000, 44099]], ibge: '2910800', weight: 1 },
  { name: 'Camaçari', uf: 'BA', ddd: '71', cep: [[42800, 42849]], ibge: '2905701', weight: 0.5 },
  // PE
  { name: 'Recife', uf: 'PE', ddd: '81', cep: [[50000, 52999]], ibge: '2611606', weight: 3 },
  { name: 'Jaboatão dos Guararapes', uf: 'PE', ddd: '81', cep: [[54000, 54499]], ibge: '2607901', weight: 0.8 },
  { name: 'Olinda', uf: 'PE', ddd: '81', cep: [[53000, 53399]], ibge: '2609600', weight: 0.6 },
  { name: 'Caruaru', uf: 'PE', ddd: '81', cep: [[55000, 55099]], ibge: '2604106', weight: 0.5 },
  // others
  { name: 'Florianópolis', uf: 'SC', ddd: '48', cep: [[88000, 88099]], ibge: '4205407', weight: 1.2 },
  { name: 'Joinville', uf: 'SC', ddd: '47', cep: [[89200, 89239]], ibge: '4209102', weight: 1 },
  { name: 'Blumenau', uf: 'SC', ddd: '47', cep: [[89000, 89099]], ibge: '4202404', weight: 0.6 },
  { name: 'Vitória', uf: 'ES', ddd: '27', cep: [[29000, 29099]], ibge: '3205309', weight: 0.8 },
  { name: 'Vila Velha', uf: 'ES', ddd: '27', cep: [[29100, 29129]], ibge: '3205200', weight: 0.6 },
  { name: 'Goiânia', uf: 'GO', ddd: '62', cep: [[74000, 74899]], ibge: '5208707', weight: 1.5 },
  { name: 'Brasília', uf: 'DF', ddd: '61', cep: [[70000, 72799]], ibge: '5300108', weight: 2 },
  { name: 'Fortaleza', uf: 'CE', ddd: '85', cep: [[60000, 61599]], ibge: '2304400', weight: 2 },
  { name: 'Natal', uf: 'RN', ddd: '84', cep: [[59000, 59139]], ibge: '2408102', weight: 0.6 },
  { name: 'João Pessoa', uf: 'PB', ddd: '83', cep: [[58000, 58099]], ibge: '2507507', weight: 0.6 },
  { name: 'Maceió', uf: 'AL', ddd: '82', cep: [[57000, 57099]], ibge: '2704302', weight: 0.6 },
  { name: 'Aracaju', uf: 'SE', ddd: '79', cep: [[49000, 49099]], ibge: '2800308', weight: 0.4 },
  { name: 'Manaus', uf: 'AM', ddd: '92', cep: [[69000, 69099]], ibge: '1302603', weight: 0.8 },
  { name: 'Belém', uf: 'PA', ddd: '91', cep: [[66000, 66999]], ibge: '1501402', weight: 0.8 },
  { name: 'São Luís', uf: 'MA', ddd: '98', cep: [[65000, 65109]], ibge: '2111300', weight: 0.5 },
  { name: 'Teresina', uf: 'PI', ddd: '86', cep: [[64000, 64099]], ibge: '2211001', weight: 0.4 },
  { name: 'Cuiabá', uf: 'MT', ddd: '65', cep: [[78000, 78109]], ibge: '5103403', weight: 0.5 },
  { name: 'Campo Grande', uf: 'MS', ddd: '67', cep: [[79000, 79124]], ibge: '5002704', weight: 0.5 },
];

/** CPF 9th digit = fiscal region of issue (Receita Federal). */
export const CPF_REGION_BY_UF: Record<string, string> = {
  RS: '0', DF: '1', GO: '1', MT: '1', MS: '1', TO: '1', AC: '2', AM: '2', AP: '2', PA: '2', RO: '2', RR: '2',
  CE: '3', MA: '3', PI: '3', AL: '4', PB: '4', PE: '4', RN: '4', BA: '5', SE: '5', MG: '6', ES: '7', RJ: '7',
  SP: '8', PR: '9', SC: '9',
};

export const STREET_TYPES = [['Rua', 70], ['Avenida', 20], ['Travessa', 4], ['Alameda', 3], ['Praça', 1], ['Estrada', 2]] as const;

export const STREET_NAMES = [
  'das Flores', 'Sete de Setembro', 'XV de Novembro', 'Tiradentes', 'Dom Pedro II', 'Getúlio Vargas',
  'Santos Dumont', 'Rui Barbosa', 'Marechal Deodoro', 'Duque de Caxias', 'Presidente Vargas', 'Brasil',
  'São João', 'Barão do Rio Branco', 'Castro Alves', 'Machado de Assis', 'José Bonifácio', 'Princesa Isabel',
  'Independência', 'das Palmeiras', 'dos Andradas', 'Bento Gonçalves', 'Floriano Peixoto', 'Visconde de Mauá',
  'Paulista', 'Rio Branco', 'das Acácias', 'dos Ipês', 'Amazonas', 'Paraná', 'Bahia', 'Minas Gerais',
  'Carlos Gomes', 'Padre Anchieta', 'Monteiro Lobato', 'Olavo Bilac', 'Coronel Fernandes', 'Irmã Dulce',
  'Anita Garibaldi', 'Santa Catarina', 'João Pessoa', 'Sergipe', 'do Comércio', 'da Liberdade', 'Boa Esperança',
  'Vergueiro', 'Voluntários da Pátria', 'Senador Feijó', 'Capitão Salomão', 'Doutor Arnaldo', 'Cristóvão Colombo',
] as const;

export const BAIRROS = [
  'Centro', 'Jardim América', 'Vila Nova', 'Boa Vista', 'Santa Cecília', 'Bela Vista', 'Jardim Paulista',
  'Vila Mariana', 'Tatuapé', 'Mooca', 'Pinheiros', 'Lapa', 'Santana', 'Ipiranga', 'Liberdade', 'Brás',
  'Vila Industrial', 'Distrito Industrial', 'Jardim das Flores', 'São José', 'Santo Antônio', 'Industrial',
  'Jardim Europa', 'Vila Esperança', 'Parque São Jorge', 'Cidade Nova', 'Jardim Primavera', 'Bairro Alto',
  'Campo Grande', 'Copacabana', 'Tijuca', 'Barra', 'Savassi', 'Funcionários', 'Batel', 'Água Verde', 'Moinhos de Vento',
  'Petrópolis', 'Boa Viagem', 'Pituba', 'Aldeota', 'Vila Operária', 'Nossa Senhora Aparecida', 'Jardim Botânico',
] as const;

export const COMPLEMENTOS = ['Sala 1', 'Galpão 2', 'Loja A', 'Bloco B', 'Fundos', 'Sala 203', 'Armazém 4', 'Box 12'] as const;

/** Company kinds: what a supermarket buys from and sells to (B2B). */
export interface CompanyKind {
  key: string;
  /** razão social patterns: {n} = core name */
  razao: readonly string[];
  fantasia: readonly string[];
  segmento: string;
  suffixes: readonly (readonly [string, number])[];
  domainWords: readonly string[];
  weight: number;
  /** supplier (fornecedor) or customer (cliente B2B) */
  papel: 'fornecedor' | 'cliente';
}

export const COMPANY_CORES = [
  'Bom Sabor', 'São Jorge', 'Santa Clara', 'Boa Vista', 'Primavera', 'Nova Esperança', 'Vale Verde', 'Serra Azul',
  'Três Irmãos', 'Dois Irmãos', 'Bela Vista', 'Sol Nascente', 'Estrela do Sul', 'Aurora', 'Campo Belo', 'Ouro Verde',
  'Bandeirantes', 'Paulista', 'Mineira', 'Gaúcha', 'Carioca', 'Baiana', 'Paranaense', 'Nordeste', 'Planalto',
  'Santa Luzia', 'São Francisco', 'Nossa Senhora', 'Real', 'Imperial', 'Central', 'Continental', 'Tropical',
  'Boa Safra', 'Terra Fértil', 'Fazenda Velha', 'Monte Alegre', 'Rio Claro', 'Água Branca', 'Pedra Branca',
  'Lago Azul', 'Cachoeira', 'Ipanema', 'Itaipu', 'Tupã', 'Guarani', 'Piratininga', 'Araucária', 'Jequitibá',
  'Cristal', 'Diamante', 'Esmeralda', 'Vitória', 'Progresso', 'União', 'Família Andrade', 'Irmãos Pereira',
  'Oliveira & Filhos', 'Ferreira', 'Costa Rica', 'Bom Jesus', 'Santa Rita', 'São Benedito', 'Alvorada', 'Horizonte',
  'Canaã', 'Bom Retiro', 'Novo Mundo', 'Pioneira', 'Sabor de Minas', 'Delícia', 'Vovó Maria', 'Tia Nastácia',
] as const;

export const COMPANY_KINDS: readonly CompanyKind[] = [
  {
    key: 'distribuidora', papel: 'fornecedor', weight: 14, segmento: 'Distribuição de alimentos',
    razao: ['Distribuidora de Alimentos {n}', 'Distribuidora {n} de Produtos Alimentícios', '{n} Distribuidora'],
    fantasia: ['{n} Distribuidora', 'Distribuidora {n}', '{n} Alimentos'],
    suffixes: [['Ltda', 70], ['S.A.', 10], ['EIRELI', 10], ['EPP', 10]], domainWords: ['distribuidora', 'alimentos'],
  },
  {
    key: 'atacadista', papel: 'fornecedor', weight: 9, segmento: 'Atacado',
    razao: ['Comercial Atacadista {n}', 'Atacadista {n} de Secos e Molhados', '{n} Atacado e Varejo'],
    fantasia: ['Atacadão {n}', '{n} Atacadista', 'Atacado {n}'],
    suffixes: [['Ltda', 70], ['S.A.', 20], ['EIRELI', 10]], domainWords: ['atacado', 'atacadista'],
  },
  {
    key: 'laticinios', papel: 'fornecedor', weight: 8, segmento: 'Laticínios',
    razao: ['Laticínios {n}', 'Indústria de Laticínios {n}', 'Cooperativa de Laticínios {n}'],
    fantasia: ['{n} Laticínios', 'Leite {n}', 'Queijos {n}'],
    suffixes: [['Ltda', 75], ['S.A.', 10], ['EIRELI', 15]], domainWords: ['laticinios', 'leite'],
  },
  {
    key: 'frigorifico', papel: 'fornecedor', weight: 7, segmento: 'Frigorífico',
    razao: ['Frigorífico {n}', 'Frigorífico e Abatedouro {n}', 'Indústria de Carnes {n}'],
    fantasia: ['Frigorífico {n}', 'Carnes {n}', '{n} Carnes'],
    suffixes: [['Ltda', 65], ['S.A.', 25], ['EIRELI', 10]], domainWords: ['frigorifico', 'carnes'],
  },
  {
    key: 'bebidas', papel: 'fornecedor', weight: 6, segmento: 'Bebidas',
    razao: ['Comercial de Bebidas {n}', 'Distribuidora de Bebidas {n}', 'Indústria de Bebidas {n}'],
    fantasia: ['{n} Bebidas', 'Bebidas {n}', 'Águas {n}'],
    suffixes: [['Ltda', 75], ['S.A.', 15], ['EIRELI', 10]], domainWords: ['bebidas'],
  },
  {
    key: 'hortifruti', papel: 'fornecedor', weight: 6, segmento: 'Hortifrutigranjeiros',
    razao: ['Hortifrutigranjeiro {n}', 'Comércio de Frutas e Verduras {n}', 'Granja {n}'],
    fantasia: ['Hortifruti {n}', 'Sacolão {n}', 'Granja {n}'],
    suffixes: [['Ltda', 60], ['ME', 25], ['EIRELI', 15]], domainWords: ['hortifruti', 'granja'],
  },
  {
    key: 'industria', papel: 'fornecedor', weight: 5, segmento: 'Indústria alimentícia',
    razao: ['Indústria de Massas {n}', 'Moinho {n}', 'Torrefação e Moagem de Café {n}', 'Indústria de Biscoitos {n}'],
    fantasia: ['Massas {n}', 'Moinho {n}', 'Café {n}', 'Biscoitos {n}'],
    suffixes: [['Ltda', 70], ['S.A.', 25], ['EIRELI', 5]], domainWords: ['alimentos', 'industria'],
  },
  {
    key: 'limpeza', papel: 'fornecedor', weight: 4, segmento: 'Higiene e limpeza',
    razao: ['{n} Produtos de Limpeza', 'Distribuidora de Higiene e Limpeza {n}', 'Química {n}'],
    fantasia: ['{n} Limpeza', 'Limpa {n}', '{n} Higiene'],
    suffixes: [['Ltda', 80], ['EIRELI', 10], ['ME', 10]], domainWords: ['limpeza', 'higiene'],
  },
  {
    key: 'transportadora', papel: 'fornecedor', weight: 2, segmento: 'Logística',
    razao: ['Transportadora {n}', '{n} Transportes e Logística', 'Logística {n}'],
    fantasia: ['Transportes {n}', '{n} Log', '{n} Logística'],
    suffixes: [['Ltda', 80], ['S.A.', 10], ['EIRELI', 10]], domainWords: ['transportes', 'log'],
  },
  {
    key: 'padaria', papel: 'cliente', weight: 9, segmento: 'Panificação',
    razao: ['Padaria e Confeitaria {n}', 'Panificadora {n}', 'Padaria {n}'],
    fantasia: ['Padaria {n}', 'Panificadora {n}', 'Pães {n}'],
    suffixes: [['ME', 45], ['Ltda', 40], ['EIRELI', 10], ['EPP', 5]], domainWords: ['padaria', 'paes'],
  },
  {
    key: 'mercearia', papel: 'cliente', weight: 9, segmento: 'Varejo alimentar',
    razao: ['Mercearia {n}', 'Mercadinho {n}', 'Empório {n}', 'Minimercado {n}'],
    fantasia: ['Mercearia {n}', 'Mercadinho {n}', 'Empório {n}', 'Mini Mercado {n}'],
    suffixes: [['ME', 55], ['Ltda', 25], ['EIRELI', 15], ['EPP', 5]], domainWords: ['mercearia', 'emporio'],
  },
  {
    key: 'restaurante', papel: 'cliente', weight: 8, segmento: 'Food service',
    razao: ['Restaurante {n}', 'Lanchonete {n}', 'Churrascaria {n}', 'Pizzaria {n}', 'Buffet {n}'],
    fantasia: ['Restaurante {n}', 'Lanchonete {n}', 'Churrascaria {n}', 'Pizzaria {n}', 'Buffet {n}'],
    suffixes: [['ME', 45], ['Ltda', 45], ['EIRELI', 10]], domainWords: ['restaurante', 'gastronomia'],
  },
  {
    key: 'supermercado', papel: 'cliente', weight: 4, segmento: 'Varejo alimentar',
    razao: ['Supermercado {n}', 'Comercial de Alimentos {n}', 'Rede de Supermercados {n}'],
    fantasia: ['Supermercado {n}', 'Super {n}', 'Mercado {n}'],
    suffixes: [['Ltda', 65], ['S.A.', 20], ['EPP', 15]], domainWords: ['supermercado', 'super'],
  },
  {
    key: 'institucional', papel: 'cliente', weight: 3, segmento: 'Institucional',
    razao: ['Hotel {n}', 'Colégio {n}', 'Hospital {n}', 'Condomínio Comercial {n}'],
    fantasia: ['Hotel {n}', 'Colégio {n}', 'Hospital {n}', 'Centro Empresarial {n}'],
    suffixes: [['Ltda', 75], ['S.A.', 25]], domainWords: ['hotel', 'grupo'],
  },
];

/** porte from the legal suffix (ME/EPP imply the size; S.A. is medium or large). */
export const PORTE_BY_SUFFIX: Record<string, readonly (readonly ['mei' | 'me' | 'epp' | 'medio' | 'grande', number])[]> = {
  ME: [['me', 85], ['mei', 15]],
  EPP: [['epp', 100]],
  EIRELI: [['me', 40], ['epp', 50], ['medio', 10]],
  Ltda: [['me', 25], ['epp', 35], ['medio', 30], ['grande', 10]],
  'S.A.': [['medio', 40], ['grande', 60]],
};

export const EMPLOYEES_BY_PORTE: Record<string, readonly [number, number]> = {
  mei: [1, 2], me: [2, 9], epp: [10, 49], medio: [50, 249], grande: [250, 3000],
};

/** annual revenue range in BRL per porte (thresholds of the Simples Nacional and BNDES) */
export const REVENUE_BY_PORTE: Record<string, readonly [number, number]> = {
  mei: [30_000, 81_000], me: [120_000, 360_000], epp: [360_000, 4_800_000], medio: [4_800_000, 90_000_000], grande: [90_000_000, 900_000_000],
};

export const CARGOS_FORNECEDOR = [
  ['Representante comercial', 20], ['Gerente comercial', 10], ['Supervisor de vendas', 10], ['Vendedor externo', 12],
  ['Diretor comercial', 4], ['Analista de trade marketing', 5], ['Coordenador de logística', 5], ['Gerente de contas', 8],
  ['Promotor de vendas', 8], ['Analista financeiro', 4], ['Sócio-diretor', 3], ['Assistente comercial', 6],
] as const;

export const CARGOS_CLIENTE = [
  ['Proprietário', 18], ['Sócio-proprietário', 10], ['Comprador', 18], ['Gerente de compras', 10], ['Gerente de loja', 8],
  ['Chef de cozinha', 5], ['Nutricionista', 3], ['Encarregado de recebimento', 5], ['Gerente geral', 6],
  ['Assistente administrativo', 6], ['Analista de compras', 6], ['Gerente financeiro', 4], ['Coordenador de suprimentos', 3],
] as const;

export const DEPARTAMENTO_BY_CARGO: Record<string, string> = {
  'Representante comercial': 'Comercial', 'Gerente comercial': 'Comercial', 'Supervisor de vendas': 'Comercial',
  'Vendedor externo': 'Comercial', 'Diretor comercial': 'Diretoria', 'Analista de trade marketing': 'Marketing',
  'Coordenador de logística': 'Logística', 'Gerente de contas': 'Comercial', 'Promotor de vendas': 'Comercial',
  'Analista financeiro': 'Financeiro', 'Sócio-diretor': 'Diretoria', 'Assistente comercial': 'Comercial',
  Proprietário: 'Diretoria', 'Sócio-proprietário': 'Diretoria', Comprador: 'Compras', 'Gerente de compras': 'Compras',
  'Gerente de loja': 'Operações', 'Chef de cozinha': 'Cozinha', Nutricionista: 'Cozinha', 'Encarregado de recebimento': 'Logística',
  'Gerente geral': 'Diretoria', 'Assistente administrativo': 'Administrativo', 'Analista de compras': 'Compras',
  'Gerente financeiro': 'Financeiro', 'Coordenador de suprimentos': 'Compras',
};

/** e-mail providers of consumers/small business owners without a company domain */
export const FREE_MAIL = [['gmail.com', 55], ['hotmail.com', 20], ['outlook.com', 10], ['yahoo.com.br', 8], ['uol.com.br', 4], ['bol.com.br', 3]] as const;

export const TAGS = [
  ['VIP', '#F9A825'], ['Cliente recorrente', '#43A047'], ['Inadimplente', '#E53935'], ['Fornecedor homologado', '#1E88E5'],
  ['Atacado', '#6D4C41'], ['Varejo', '#8E24AA'], ['Orgânicos', '#7CB342'], ['Potencial alto', '#FB8C00'],
  ['Novo cliente', '#00ACC1'], ['Black Friday', '#212121'], ['Natal', '#C62828'], ['Páscoa', '#AD1457'],
  ['Entrega programada', '#3949AB'], ['Food service', '#00897B'],
] as const;

export interface ProductDef {
  nome: string;
  unidade: string;
  preco: number;
  ncm: string;
}

export interface ProductCategory {
  nome: string;
  sku: string;
  products: readonly ProductDef[];
}

/** What a food distributor sells a supermarket (prices in BRL, per unit of sale). */
export const PRODUCT_CATALOG: readonly ProductCategory[] = [
  {
    nome: 'Laticínios', sku: 'LAT', products: [
      { nome: 'Leite integral UHT 1 L (caixa com 12)', unidade: 'CX', preco: 62.9, ncm: '04012010' },
      { nome: 'Leite semidesnatado UHT 1 L (caixa com 12)', unidade: 'CX', preco: 64.5, ncm: '04012010' },
      { nome: 'Queijo muçarela peça', unidade: 'KG', preco: 38.9, ncm: '04069090' },
      { nome: 'Queijo prato fatiado', unidade: 'KG', preco: 46.9, ncm: '04069090' },
      { nome: 'Queijo minas frescal', unidade: 'KG', preco: 34.5, ncm: '04061010' },
      { nome: 'Manteiga com sal 200 g', unidade: 'UN', preco: 12.9, ncm: '04051000' },
      { nome: 'Requeijão cremoso 200 g', unidade: 'UN', preco: 8.49, ncm: '04061090' },
      { nome: 'Iogurte natural 170 g (fardo com 24)', unidade: 'FD', preco: 71.9, ncm: '04032000' },
      { nome: 'Creme de leite 200 g (caixa com 27)', unidade: 'CX', preco: 89.1, ncm: '04015010' },
      { nome: 'Leite condensado 395 g (caixa com 27)', unidade: 'CX', preco: 159.3, ncm: '04029900' },
    ],
  },
  {
    nome: 'Carnes e frios', sku: 'CAR', products: [
      { nome: 'Picanha bovina resfriada', unidade: 'KG', preco: 69.9, ncm: '02013000' },
      { nome: 'Contrafilé bovino resfriado', unidade: 'KG', preco: 44.9, ncm: '02013000' },
      { nome: 'Alcatra bovina resfriada', unidade: 'KG', preco: 41.9, ncm: '02013000' },
      { nome: 'Patinho moído', unidade: 'KG', preco: 36.9, ncm: '02013000' },
      { nome: 'Frango inteiro congelado', unidade: 'KG', preco: 11.9, ncm: '02071200' },
      { nome: 'Filé de peito de frango congelado', unidade: 'KG', preco: 19.9, ncm: '02071400' },
      { nome: 'Coxa e sobrecoxa de frango', unidade: 'KG', preco: 13.5, ncm: '02071400' },
      { nome: 'Linguiça toscana', unidade: 'KG', preco: 21.9, ncm: '16010000' },
      { nome: 'Presunto cozido', unidade: 'KG', preco: 29.9, ncm: '16024100' },
      { nome: 'Mortadela tradicional', unidade: 'KG', preco: 16.9, ncm: '16010000' },
      { nome: 'Bacon em manta', unidade: 'KG', preco: 32.9, ncm: '02101900' },
      { nome: 'Salsicha hot dog 3 kg', unidade: 'PCT', preco: 39.9, ncm: '16010000' },
    ],
  },
  {
    nome: 'Mercearia', sku: 'MER', products: [
      { nome: 'Arroz branco tipo 1 5 kg (fardo com 6)', unidade: 'FD', preco: 149.4, ncm: '10063021' },
      { nome: 'Feijão carioca tipo 1 1 kg (fardo com 10)', unidade: 'FD', preco: 84.9, ncm: '07133319' },
      { nome: 'Feijão preto tipo 1 1 kg (fardo com 10)', unidade: 'FD', preco: 89.9, ncm: '07133319' },
      { nome: 'Açúcar cristal 5 kg (fardo com 6)', unidade: 'FD', preco: 127.8, ncm: '17019900' },
      { nome: 'Café torrado e moído 500 g (caixa com 10)', unidade: 'CX', preco: 189.0, ncm: '09012100' },
      { nome: 'Óleo de soja 900 ml (caixa com 20)', unidade: 'CX', preco: 149.8, ncm: '15079011' },
      { nome: 'Farinha de trigo 1 kg (fardo com 10)', unidade: 'FD', preco: 54.9, ncm: '11010010' },
      { nome: 'Macarrão espaguete 500 g (fardo com 20)', unidade: 'FD', preco: 79.8, ncm: '19021900' },
      { nome: 'Molho de tomate 340 g (caixa com 24)', unidade: 'CX', preco: 71.76, ncm: '21032010' },
      { nome: 'Sal refinado 1 kg (fardo com 10)', unidade: 'FD', preco: 24.9, ncm: '25010020' },
      { nome: 'Azeite de oliva extravirgem 500 ml', unidade: 'UN', preco: 39.9, ncm: '15091000' },
      { nome: 'Achocolatado em pó 400 g (caixa com 24)', unidade: 'CX', preco: 179.76, ncm: '18069000' },
      { nome: 'Biscoito cream cracker 350 g (caixa com 20)', unidade: 'CX', preco: 99.8, ncm: '19053100' },
      { nome: 'Fubá mimoso 1 kg (fardo com 10)', unidade: 'FD', preco: 42.9, ncm: '11022000' },
    ],
  },
  {
    nome: 'Bebidas', sku: 'BEB', products: [
      { nome: 'Refrigerante cola 2 L (fardo com 6)', unidade: 'FD', preco: 53.94, ncm: '22021000' },
      { nome: 'Refrigerante guaraná 2 L (fardo com 6)', unidade: 'FD', preco: 47.94, ncm: '22021000' },
      { nome: 'Água mineral sem gás 500 ml (fardo com 12)', unidade: 'FD', preco: 17.88, ncm: '22011000' },
      { nome: 'Suco de laranja integral 1 L (caixa com 12)', unidade: 'CX', preco: 119.4, ncm: '20091200' },
      { nome: 'Cerveja pilsen lata 350 ml (caixa com 12)', unidade: 'CX', preco: 47.88, ncm: '22030000' },
      { nome: 'Água de coco 1 L (caixa com 12)', unidade: 'CX', preco: 107.88, ncm: '20098990' },
      { nome: 'Energético lata 250 ml (fardo com 6)', unidade: 'FD', preco: 41.94, ncm: '22029900' },
    ],
  },
  {
    nome: 'Hortifrúti', sku: 'HOR', products: [
      { nome: 'Banana prata', unidade: 'KG', preco: 5.99, ncm: '08039000' },
      { nome: 'Tomate italiano', unidade: 'KG', preco: 7.49, ncm: '07020000' },
      { nome: 'Batata inglesa', unidade: 'KG', preco: 4.99, ncm: '07019000' },
      { nome: 'Cebola nacional', unidade: 'KG', preco: 4.49, ncm: '07031019' },
      { nome: 'Laranja pera (caixa 20 kg)', unidade: 'CX', preco: 59.9, ncm: '08051000' },
      { nome: 'Maçã gala', unidade: 'KG', preco: 8.99, ncm: '08081000' },
      { nome: 'Mamão formosa', unidade: 'KG', preco: 6.49, ncm: '08072000' },
      { nome: 'Alface crespa hidropônica', unidade: 'UN', preco: 2.99, ncm: '07051900' },
      { nome: 'Ovos brancos (caixa com 30 dúzias)', unidade: 'CX', preco: 179.0, ncm: '04072100' },
    ],
  },
  {
    nome: 'Padaria', sku: 'PAD', products: [
      { nome: 'Pão francês congelado (pacote 2 kg)', unidade: 'PCT', preco: 27.9, ncm: '19059090' },
      { nome: 'Pão de forma tradicional 500 g', unidade: 'UN', preco: 8.99, ncm: '19059010' },
      { nome: 'Pão de queijo congelado 1 kg', unidade: 'PCT', preco: 24.9, ncm: '19059090' },
      { nome: 'Bolo de fubá 400 g', unidade: 'UN', preco: 12.9, ncm: '19059090' },
      { nome: 'Massa para pastel 1 kg', unidade: 'PCT', preco: 16.9, ncm: '19021900' },
      { nome: 'Fermento biológico seco 500 g', unidade: 'PCT', preco: 21.9, ncm: '21021090' },
    ],
  },
  {
    nome: 'Congelados', sku: 'CON', products: [
      { nome: 'Lasanha à bolonhesa 600 g', unidade: 'UN', preco: 17.9, ncm: '19022000' },
      { nome: 'Hambúrguer bovino (caixa com 36)', unidade: 'CX', preco: 69.9, ncm: '16025000' },
      { nome: 'Batata pré-frita 2 kg', unidade: 'PCT', preco: 34.9, ncm: '20041000' },
      { nome: 'Polpa de fruta 1 kg', unidade: 'PCT', preco: 14.9, ncm: '08119000' },
      { nome: 'Sorvete 2 L', unidade: 'UN', preco: 24.9, ncm: '21050010' },
    ],
  },
  {
    nome: 'Limpeza', sku: 'LIM', products: [
      { nome: 'Detergente líquido 500 ml (caixa com 24)', unidade: 'CX', preco: 57.36, ncm: '34022000' },
      { nome: 'Sabão em pó 1 kg (fardo com 10)', unidade: 'FD', preco: 139.9, ncm: '34022000' },
      { nome: 'Água sanitária 2 L (caixa com 6)', unidade: 'CX', preco: 35.94, ncm: '28289011' },
      { nome: 'Desinfetante 2 L (caixa com 6)', unidade: 'CX', preco: 53.94, ncm: '38089419' },
      { nome: 'Amaciante de roupas 2 L (caixa com 6)', unidade: 'CX', preco: 83.94, ncm: '38099190' },
      { nome: 'Esponja multiuso (pacote com 4)', unidade: 'PCT', preco: 6.49, ncm: '39249000' },
    ],
  },
  {
    nome: 'Higiene pessoal', sku: 'HIG', products: [
      { nome: 'Papel higiênico folha dupla 12 rolos (fardo com 4)', unidade: 'FD', preco: 95.6, ncm: '48181000' },
      { nome: 'Sabonete em barra 85 g (caixa com 12)', unidade: 'CX', preco: 29.88, ncm: '34011190' },
      { nome: 'Creme dental 90 g (caixa com 12)', unidade: 'CX', preco: 47.88, ncm: '33061000' },
      { nome: 'Shampoo 350 ml', unidade: 'UN', preco: 16.9, ncm: '33051000' },
      { nome: 'Desodorante aerossol 150 ml', unidade: 'UN', preco: 15.9, ncm: '33072010' },
    ],
  },
  {
    nome: 'Pet', sku: 'PET', products: [
      { nome: 'Ração para cães adultos 15 kg', unidade: 'UN', preco: 159.9, ncm: '23091000' },
      { nome: 'Ração para gatos adultos 10 kg', unidade: 'UN', preco: 169.9, ncm: '23091000' },
      { nome: 'Areia higiênica para gatos 4 kg', unidade: 'UN', preco: 19.9, ncm: '25081000' },
    ],
  },
];

export const ACTIVITY_SUBJECTS: Record<string, readonly string[]> = {
  ligacao: [
    'Ligar para confirmar o pedido semanal', 'Follow-up da proposta enviada', 'Negociar prazo de pagamento',
    'Confirmar janela de entrega', 'Apresentar as ofertas do mês', 'Cobrar retorno da cotação',
    'Ligação de boas-vindas ao novo cliente', 'Verificar satisfação com a última entrega', 'Renegociar tabela de preços',
    'Confirmar quantidade do pedido de hortifrúti', 'Retornar ligação do comprador',
  ],
  email: [
    'Enviar tabela de preços atualizada', 'Enviar proposta comercial', 'Enviar catálogo de produtos',
    'Responder cotação de laticínios', 'Enviar boleto e nota fiscal', 'Enviar condições para pedido de Natal',
    'Enviar ficha cadastral para homologação', 'Enviar comprovante de entrega', 'Enviar lâminas de ofertas da semana',
  ],
  reuniao: [
    'Reunião de negociação anual', 'Apresentação de novos produtos', 'Alinhamento do mix de mercearia',
    'Revisão do contrato de fornecimento', 'Planejamento da campanha de Páscoa', 'Reunião de resultados do trimestre',
    'Negociação de verba de trade marketing', 'Alinhamento de calendário de entregas',
  ],
  tarefa: [
    'Preparar cotação', 'Atualizar cadastro do cliente', 'Lançar pedido no ERP', 'Verificar estoque para o pedido',
    'Cadastrar novos produtos na tabela', 'Conferir divergência na nota fiscal', 'Solicitar análise de crédito',
    'Preparar amostras para degustação', 'Revisar pedido mínimo por rota', 'Emitir segunda via do boleto',
  ],
  visita: [
    'Visita à loja', 'Visita técnica ao centro de distribuição', 'Degustação no ponto de venda', 'Auditoria de gôndola',
    'Visita de prospecção', 'Visita para apresentar a linha de congelados', 'Visita de pós-venda',
    'Conferência de ruptura na loja', 'Visita ao frigorífico',
  ],
  whatsapp: [
    'Enviar ofertas da semana pelo WhatsApp', 'Confirmar horário de entrega', 'Responder dúvida sobre o pedido',
    'Enviar foto da nova embalagem', 'Lembrar vencimento do boleto', 'Enviar link do catálogo digital',
  ],
  nota: [
    'Cliente prefere entregas às terças e quintas', 'Registro de reclamação sobre avaria na entrega',
    'Comprador entra de férias no mês que vem', 'Cliente pediu para ser avisado de promoções de carnes',
    'Recebimento somente até as 14h', 'Cliente exige laudo de qualidade dos laticínios',
  ],
};

export const ACTIVITY_TYPE_WEIGHTS = [
  ['ligacao', 28], ['email', 18], ['tarefa', 18], ['reuniao', 10], ['visita', 10], ['whatsapp', 12], ['nota', 4],
] as const;

export const ACTIVITY_RESULTS: Record<string, readonly string[]> = {
  ligacao: ['Pedido confirmado', 'Cliente pediu nova cotação', 'Não atendeu, tentar novamente', 'Reagendado para a próxima semana', 'Interessado, aguardando aprovação do sócio'],
  reuniao: ['Proposta aceita em princípio', 'Cliente vai avaliar com a diretoria', 'Ajustar preços e reenviar', 'Fechado contrato anual'],
  visita: ['Gôndola reorganizada', 'Pedido tirado na visita', 'Cliente sem tempo, remarcar', 'Identificada ruptura de estoque', 'Degustação com boa aceitação'],
  whatsapp: ['Cliente respondeu', 'Mensagem visualizada, sem resposta', 'Pedido confirmado pelo WhatsApp'],
  email: ['E-mail enviado', 'Cliente respondeu pedindo ajustes'],
  tarefa: ['Feito', 'Concluído com pendências'],
  nota: [],
};

export const MEETING_PLACES = ['No cliente', 'Escritório comercial', 'Videochamada (Google Meet)', 'Centro de distribuição', 'Videochamada (Teams)'] as const;

export const OPPORTUNITY_TITLES = [
  'Fornecimento mensal de laticínios', 'Contrato anual de hortifrúti', 'Pedido de Páscoa', 'Cestas de Natal corporativas',
  'Abastecimento da padaria', 'Linha de congelados', 'Renovação do contrato de bebidas', 'Ampliação do mix de mercearia',
  'Campanha Black Friday', 'Fornecimento para a festa junina', 'Kit churrasco para o verão', 'Reposição de higiene e limpeza',
  'Contrato de carnes resfriadas', 'Nova loja: abastecimento inicial', 'Cota de leite para o inverno',
  'Fornecimento de pães congelados', 'Bebidas para o Carnaval', 'Linha pet', 'Troca de fornecedor de frios',
  'Pedido programado quinzenal',
] as const;

export const LOSS_DETAILS: Record<string, readonly string[]> = {
  'Preço': ['Concorrente ofereceu 8% abaixo', 'Cliente achou o frete caro', 'Tabela acima do orçamento do comprador'],
  Concorrente: ['Fechou com o atacadista da região', 'Fornecedor atual cobriu a oferta', 'Concorrente com prazo de 60 dias'],
  'Sem orçamento': ['Orçamento congelado até o próximo trimestre', 'Verba destinada a reforma da loja'],
  'Sem retorno do cliente': ['Comprador não responde há 30 dias', 'Contato saiu da empresa'],
  'Timing / adiado': ['Projeto adiado para o segundo semestre', 'Aguardando inauguração da nova loja'],
  'Produto não atende': ['Precisa de embalagem menor', 'Exige certificação orgânica'],
  'Sem poder de decisão': ['Decisão centralizada na matriz'],
  'Escolheu não comprar': ['Decidiu manter o estoque atual'],
  Outro: ['Cliente encerrou as atividades', 'Problema cadastral'],
};

export const DEAL_DESCRIPTIONS = [
  'Cliente quer entrega semanal com pedido mínimo de R$ 1.500.',
  'Negociação envolve prazo de 28 dias e bonificação no primeiro pedido.',
  'Comprador pediu amostras antes de fechar.',
  'Oportunidade surgiu após degustação na loja.',
  'Concorrência com dois atacadistas da região.',
  'Cliente busca fornecedor com entrega em até 24 h.',
  null,
  null,
] as const;

export const DISQUALIFY_REASONS = ['Fora da área de entrega', 'Sem CNPJ ativo', 'Pessoa física sem interesse em compra recorrente', 'Contato duplicado', 'Volume abaixo do pedido mínimo'] as const;

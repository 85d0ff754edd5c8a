/** Built-in name lists for plausible, diverse demo people (a few with apostrophes and accents on purpose). */
const words = (text: string): readonly string[] => text.split(/\s+/).filter((w) => w !== '');

export const FIRST_NAMES = words(`
James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard
Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Lisa Matthew Nancy Anthony Sandra Mark
Ashley Steven Emily Andrew Michelle Joshua Amanda Kevin Melissa Brian Stephanie George Rebecca
Aisha Omar Fatima Yusuf Leila Hassan Priya Arjun Ananya Rahul Deepika Vikram Sneha Rohan Kavya
Wei Mei Jian Li Hiroshi Yuki Sakura Kenji Min-jun Seo-yeon Ji-ho Carlos María José Lucía Diego
Sofía Mateo Valentina Pedro Camila João Ana Lukas Anna Felix Lena Jonas Mia Noah Emma Liam
Olivia Lars Ingrid Søren Freya Mateusz Zofia Ivan Olga Dmitri Katya Chinedu Ngozi Kwame Ama
Tendai Zanele Siobhan Declan Aoife Ciarán Zoë Chloé Mohammed Noor Tariq Samira Ethan Grace Ryan
Hannah Nathan Chloe
`);

export const LAST_NAMES = words(`
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Patel Shah Singh
Kumar Gupta Sharma Iyer Reddy Menon Das Wang Zhang Chen Liu Huang Zhao Wu Zhou Tanaka Suzuki
Sato Watanabe Kim Park Choi Jung Müller Schmidt Schneider Fischer Weber Becker Hoffmann Jensen
Nielsen Hansen Larsen Kowalski Nowak Novak Ivanov Petrov Okafor Adeyemi Mensah Boateng Mokoena
Dlamini O'Brien O'Connor Murphy Kelly Byrne Walsh Dubois Lefèvre Moreau Rossi Russo Ferrari
Costa Silva Santos Oliveira Haddad Khalil Rahman Hussain Cohen Levi
`);

/**
 * AICPA Trust Services Criteria, 2017 edition (points of focus revised in
 * 2022): the 61 criteria by category, in the published order.
 *
 * The AICPA's criterion text is copyrighted. Titles and descriptions here
 * are trustlint's own short paraphrases of what each criterion addresses.
 */
import type { CatalogData } from '../catalog.js';

export const tsc2017: CatalogData = {
  framework: 'soc2',
  name: 'AICPA Trust Services Criteria',
  version: '2017 (points of focus revised 2022)',
  categories: [
    {
      id: 'security',
      name: 'Security',
      alwaysInScope: true,
      criteria: [
        // CC1: control environment
        { id: 'CC1.1', title: 'Ethical tone and conduct', description: 'Leadership sets expectations for honest, ethical behavior and acts when people depart from them.' },
        { id: 'CC1.2', title: 'Board oversight', description: 'A governing body that is independent of management oversees how internal control is designed and run.' },
        { id: 'CC1.3', title: 'Structure, reporting lines and authority', description: 'Management, under board oversight, sets up the structure, reporting lines, authority and responsibilities needed to pursue objectives.' },
        { id: 'CC1.4', title: 'Workforce competence', description: 'The organization recruits, develops and keeps people with the skills its objectives require.' },
        { id: 'CC1.5', title: 'Accountability for control duties', description: 'People are held answerable for carrying out their internal control responsibilities.' },
        // CC2: information and communication
        { id: 'CC2.1', title: 'Quality information for internal control', description: 'The organization gathers or produces relevant, reliable information that keeps internal control working.' },
        { id: 'CC2.2', title: 'Internal communication', description: 'Control objectives, responsibilities and other information people need are shared inside the organization.' },
        { id: 'CC2.3', title: 'External communication', description: 'Information that bears on internal control is exchanged with customers, vendors, regulators and other outside parties.' },
        // CC3: risk assessment
        { id: 'CC3.1', title: 'Clear objectives', description: 'Objectives are stated clearly enough that risks to reaching them can be identified and judged.' },
        { id: 'CC3.2', title: 'Risk identification and analysis', description: 'Risks to objectives are found across the organization and analyzed to decide how they should be handled.' },
        { id: 'CC3.3', title: 'Fraud risk', description: 'The possibility of fraud is weighed when risks to objectives are assessed.' },
        { id: 'CC3.4', title: 'Assessing significant change', description: 'Changes in the business, its environment or its leadership that could affect internal control are identified and evaluated.' },
        // CC4: monitoring activities
        { id: 'CC4.1', title: 'Control evaluations', description: 'Ongoing monitoring and periodic separate evaluations check that each part of internal control exists and works.' },
        { id: 'CC4.2', title: 'Reporting control deficiencies', description: 'Control weaknesses are evaluated and reported in time to the people responsible for correcting them, up to senior management and the board where warranted.' },
        // CC5: control activities
        { id: 'CC5.1', title: 'Risk-reducing control activities', description: 'Control activities are chosen and built to bring risks to objectives down to acceptable levels.' },
        { id: 'CC5.2', title: 'General controls over technology', description: 'General controls over the technology in use are chosen and built to support objectives.' },
        { id: 'CC5.3', title: 'Policies and procedures', description: 'Control activities take effect through written policies and the day-to-day procedures that apply them.' },
        // CC6: logical and physical access
        { id: 'CC6.1', title: 'Logical access security', description: 'Access control software, infrastructure and architecture protect information assets against unauthorized logical access.' },
        { id: 'CC6.2', title: 'User registration and credentials', description: 'Users are registered and authorized before they receive system credentials, and credentials are withdrawn when no longer needed.' },
        { id: 'CC6.3', title: 'Role-based access authorization', description: 'Access to data and systems is granted, changed and revoked by role, honoring least privilege and segregation of duties.' },
        { id: 'CC6.4', title: 'Physical access restriction', description: 'Physical access to facilities, data centers, backup media and other sensitive locations is limited to authorized people.' },
        { id: 'CC6.5', title: 'Protected disposal of physical assets', description: 'Protections over physical assets are removed only once the data they hold can no longer be read or recovered.' },
        { id: 'CC6.6', title: 'Protection against external threats', description: 'Logical security measures guard the system against threats originating outside its boundaries.' },
        { id: 'CC6.7', title: 'Restricting data movement and transmission', description: 'Transmitting, moving or removing information is limited to authorized users and processes, and data is protected while in transit.' },
        { id: 'CC6.8', title: 'Malicious software prevention', description: 'Controls stop or detect the introduction of unauthorized or malicious software.' },
        // CC7: system operations
        { id: 'CC7.1', title: 'Configuration and vulnerability detection', description: 'Detection and monitoring procedures catch configuration changes that introduce weaknesses and newly discovered vulnerabilities.' },
        { id: 'CC7.2', title: 'Monitoring for anomalies', description: 'Systems and their operation are watched for unusual behavior that could point to attacks, natural disasters or errors.' },
        { id: 'CC7.3', title: 'Security event evaluation', description: 'Security events are analyzed to decide whether they are incidents that could keep objectives from being met.' },
        { id: 'CC7.4', title: 'Incident response', description: 'Confirmed security incidents are handled through a defined response program that contains, remediates and communicates them.' },
        { id: 'CC7.5', title: 'Incident recovery', description: 'Activities that restore normal operation after a security incident are planned and carried out.' },
        // CC8: change management
        { id: 'CC8.1', title: 'Change management', description: 'Changes to infrastructure, data, software and procedures go through authorization, testing, approval and documentation before they are deployed.' },
        // CC9: risk mitigation
        { id: 'CC9.1', title: 'Business disruption risk mitigation', description: 'Risk mitigation activities are selected and developed for risks arising from possible business disruptions.' },
        { id: 'CC9.2', title: 'Vendor and business partner risk', description: 'Risks that come from vendors and business partners are assessed and managed.' },
      ],
    },
    {
      id: 'availability',
      name: 'Availability',
      alwaysInScope: false,
      criteria: [
        { id: 'A1.1', title: 'Capacity management', description: 'Processing capacity and usage are tracked and evaluated so that demand is met and capacity can be added in time.' },
        { id: 'A1.2', title: 'Environmental protection, backup and recovery infrastructure', description: 'Environmental safeguards, data backups and recovery infrastructure are put in place, run and monitored so that availability objectives can be met.' },
        { id: 'A1.3', title: 'Recovery plan testing', description: 'The procedures of the recovery plan are tested to confirm they can restore the system.' },
      ],
    },
    {
      id: 'processing-integrity',
      name: 'Processing Integrity',
      alwaysInScope: false,
      criteria: [
        { id: 'PI1.1', title: 'Processing definitions and specifications', description: 'Relevant information about processing objectives, including data definitions and product or service specifications, is produced and communicated.' },
        { id: 'PI1.2', title: 'Input controls', description: 'Policies and procedures over system inputs keep them complete and accurate.' },
        { id: 'PI1.3', title: 'Processing controls', description: 'Policies and procedures over data processing make products and services come out as specified.' },
        { id: 'PI1.4', title: 'Output controls', description: 'Outputs reach only their intended recipients, complete, accurate and on schedule.' },
        { id: 'PI1.5', title: 'Storage of inputs, work in progress and outputs', description: 'Inputs, work in progress and outputs are stored so that they stay complete and accurate and match system specifications.' },
      ],
    },
    {
      id: 'confidentiality',
      name: 'Confidentiality',
      alwaysInScope: false,
      criteria: [
        { id: 'C1.1', title: 'Identifying and protecting confidential information', description: 'Confidential information is identified and kept protected according to confidentiality objectives.' },
        { id: 'C1.2', title: 'Disposing of confidential information', description: 'Confidential information is disposed of securely once it no longer needs to be kept.' },
      ],
    },
    {
      id: 'privacy',
      name: 'Privacy',
      alwaysInScope: false,
      criteria: [
        // P1: notice
        { id: 'P1.1', title: 'Privacy notice', description: 'Data subjects are told about the privacy practices that apply to their personal information in a timely way.' },
        // P2: choice and consent
        { id: 'P2.1', title: 'Choice and consent', description: 'Data subjects learn their choices about collection, use, retention, sharing and disposal of personal information, and their consent is obtained where needed.' },
        // P3: collection
        { id: 'P3.1', title: 'Limited collection', description: 'Personal information is collected only as far as privacy objectives require.' },
        { id: 'P3.2', title: 'Explicit consent for collection', description: 'Where explicit consent is required, it is obtained before collection and the consequences of refusing are explained.' },
        // P4: use, retention and disposal
        { id: 'P4.1', title: 'Limited use', description: 'Personal information is used only for the purposes that data subjects were told about.' },
        { id: 'P4.2', title: 'Retention of personal information', description: 'Personal information is kept only as long as privacy objectives call for.' },
        { id: 'P4.3', title: 'Disposal of personal information', description: 'Personal information that is no longer to be kept is disposed of securely.' },
        // P5: access
        { id: 'P5.1', title: 'Data subject access', description: 'Identified and authenticated data subjects can review the personal information held about them.' },
        { id: 'P5.2', title: 'Correction of personal information', description: 'Personal information is corrected, amended or supplemented at a data subject\'s request, and the change is passed on where appropriate.' },
        // P6: disclosure and notification
        { id: 'P6.1', title: 'Disclosure to third parties', description: 'Personal information is shared with third parties only with the data subject\'s consent.' },
        { id: 'P6.2', title: 'Record of authorized disclosures', description: 'Authorized disclosures of personal information are logged fully, accurately and promptly, and the log is retained.' },
        { id: 'P6.3', title: 'Record of unauthorized disclosures', description: 'Detected or reported unauthorized disclosures of personal information, breaches included, are recorded.' },
        { id: 'P6.4', title: 'Third-party privacy commitments', description: 'Vendors and other third parties that receive personal information commit to protecting it, and their compliance is checked.' },
        { id: 'P6.5', title: 'Third-party breach notification', description: 'Third parties holding personal information commit to tell the organization about any unauthorized disclosure.' },
        { id: 'P6.6', title: 'Breach notification', description: 'Affected data subjects, regulators and others are notified of breaches and incidents involving personal information.' },
        { id: 'P6.7', title: 'Accounting of personal information and disclosures', description: 'Data subjects can obtain an account of the personal information held about them and of where it was disclosed.' },
        // P7: quality
        { id: 'P7.1', title: 'Quality of personal information', description: 'Personal information is kept accurate, complete, current and relevant to its purposes.' },
        // P8: monitoring and enforcement
        { id: 'P8.1', title: 'Inquiries, complaints and compliance monitoring', description: 'Privacy inquiries, complaints and disputes are received, resolved and answered, and compliance with privacy commitments is monitored.' },
      ],
    },
  ],
};

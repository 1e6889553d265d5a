<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
  <context>
    <name />
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>#{booking} · {student} with {teacher}</source>
      <translation>#{booking} · {student} con {teacher}</translation>
    </message>
    <message>
      <source>&amp;Account</source>
      <translation>&amp;Cuenta</translation>
    </message>
    <message>
      <source>&amp;Admin</source>
      <translation>Ad&amp;ministración</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Idioma</translation>
    </message>
    <message>
      <source>&amp;Profile and password…</source>
      <translation>&amp;Perfil y contraseña…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Salir</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Ajustes…</translation>
    </message>
    <message>
      <source>(not shown)</source>
      <translation>(no se muestra)</translation>
    </message>
    <message>
      <source>1 booking</source>
      <translation>1 reserva</translation>
    </message>
    <message>
      <source>1 character</source>
      <translation>1 carácter</translation>
    </message>
    <message>
      <source>1 dead letter waiting for a retry.</source>
      <translation>1 tarea fallida espera un reintento.</translation>
    </message>
    <message>
      <source>1 event</source>
      <translation>1 evento</translation>
    </message>
    <message>
      <source>1 new</source>
      <translation>1 nuevo</translation>
    </message>
    <message>
      <source>1 session</source>
      <translation>1 clase</translation>
    </message>
    <message>
      <source>1 star</source>
      <translation>1 estrella</translation>
    </message>
    <message>
      <source>1 unread message</source>
      <translation>1 mensaje sin leer</translation>
    </message>
    <message>
      <source>1 unread message in your bookings</source>
      <translation>1 mensaje sin leer en tus reservas</translation>
    </message>
    <message>
      <source>1 {noun}</source>
      <translation>1 {noun}</translation>
    </message>
    <message>
      <source>6 digits</source>
      <translation>6 dígitos</translation>
    </message>
    <message>
      <source>A booking cannot be {status} while its payment is {payment}.</source>
      <translation>Una reserva no puede estar {status} mientras esté {payment}.</translation>
    </message>
    <message>
      <source>A booking that is {frm} cannot become {to}.</source>
      <translation>Una reserva {frm} no puede pasar a estar {to}.</translation>
    </message>
    <message>
      <source>A card-setup Checkout Session was created and expired.</source>
      <translation>Se creó una Checkout Session para configurar tarjetas y se hizo caducar.</translation>
    </message>
    <message>
      <source>A code is on its way to {email}. Enter it here within 15 minutes to use that address.</source>
      <translation>Te hemos enviado un código a {email}. Escríbelo aquí antes de 15 minutos para usar esa dirección.</translation>
    </message>
    <message>
      <source>A day off cannot be in the past.</source>
      <translation>Un día libre no puede estar en el pasado.</translation>
    </message>
    <message>
      <source>A job dedupe key is 1 to 255 characters.</source>
      <translation>La clave de deduplicación de una tarea tiene de 1 a 255 caracteres.</translation>
    </message>
    <message>
      <source>A job kind is 1 to 40 characters.</source>
      <translation>El tipo de una tarea tiene de 1 a 40 caracteres.</translation>
    </message>
    <message>
      <source>A job needs at least one attempt.</source>
      <translation>Una tarea necesita al menos un intento.</translation>
    </message>
    <message>
      <source>A job payload must be plain JSON: {error}</source>
      <translation>Los datos de una tarea deben ser JSON simple: {error}</translation>
    </message>
    <message>
      <source>A job's run time must be an aware UTC datetime.</source>
      <translation>La hora de ejecución de una tarea debe ser una fecha y hora UTC con zona horaria.</translation>
    </message>
    <message>
      <source>A LinguaFlex language session.</source>
      <translation>Una clase de idiomas de LinguaFlex.</translation>
    </message>
    <message>
      <source>A meeting room is created when the session is paid.</source>
      <translation>La sala de reunión se crea cuando se paga la clase.</translation>
    </message>
    <message>
      <source>A new time was proposed; open Details… to see and answer it.</source>
      <translation>Se propuso una nueva hora; abre Detalles… para verla y responder.</translation>
    </message>
    <message>
      <source>A partial refund needs a positive amount.</source>
      <translation>Un reembolso parcial necesita un importe positivo.</translation>
    </message>
    <message>
      <source>A payment for this booking is already in progress.</source>
      <translation>Ya hay un pago en curso para esta reserva.</translation>
    </message>
    <message>
      <source>A payment for this booking is already in progress. If your bank's verification is still open, continue it, or cancel the payment attempt to pay again.</source>
      <translation>Ya hay un pago en curso para esta reserva. Si la verificación de tu banco sigue abierta, continúala, o cancela el intento de pago para volver a pagar.</translation>
    </message>
    <message>
      <source>A payment for this booking is in progress; try again once it has finished.</source>
      <translation>Hay un pago en curso para esta reserva; inténtalo de nuevo cuando termine.</translation>
    </message>
    <message>
      <source>A payment is in progress for this booking; wait until it finishes.</source>
      <translation>Hay un pago en curso para esta reserva; espera a que termine.</translation>
    </message>
    <message>
      <source>A payment that is {frm} cannot become {to}.</source>
      <translation>Una reserva {frm} no puede pasar a estar {to}.</translation>
    </message>
    <message>
      <source>A payout cannot be dated in the future.</source>
      <translation>Un pago al profesor no puede tener una fecha futura.</translation>
    </message>
    <message>
      <source>a refund held here is unknown to Stripe</source>
      <translation>Stripe no conoce un reembolso registrado aquí</translation>
    </message>
    <message>
      <source>A refund needs a request key (at most 255 characters).</source>
      <translation>Un reembolso necesita una clave de solicitud (como máximo 255 caracteres).</translation>
    </message>
    <message>
      <source>A refund of this payment is already waiting for Stripe's answer; the payment reconcile finishes it.</source>
      <translation>Ya hay un reembolso de este pago esperando la respuesta de Stripe; la conciliación de pagos lo termina.</translation>
    </message>
    <message>
      <source>a refund's amount differs</source>
      <translation>el importe de un reembolso no coincide</translation>
    </message>
    <message>
      <source>a refund's status differs</source>
      <translation>el estado de un reembolso no coincide</translation>
    </message>
    <message>
      <source>A revenue chart shows at most {most} days: choose a shorter period or longer buckets.</source>
      <translation>Un gráfico de ingresos muestra como máximo {most} días: elige un periodo más corto o agrupa por intervalos más largos.</translation>
    </message>
    <message>
      <source>A revenue chart shows at most {most} months: choose a shorter period or longer buckets.</source>
      <translation>Un gráfico de ingresos muestra como máximo {most} meses: elige un periodo más corto o agrupa por intervalos más largos.</translation>
    </message>
    <message>
      <source>A revenue chart shows at most {most} weeks: choose a shorter period or longer buckets.</source>
      <translation>Un gráfico de ingresos muestra como máximo {most} semanas: elige un periodo más corto o agrupa por intervalos más largos.</translation>
    </message>
    <message>
      <source>A revenue report covers at most {years} years.</source>
      <translation>Un informe de ingresos abarca como máximo {years} años.</translation>
    </message>
    <message>
      <source>A secret can be at most {limit} characters.</source>
      <translation>Un secreto puede tener como máximo {limit} caracteres.</translation>
    </message>
    <message>
      <source>A session can be rated once it is completed.</source>
      <translation>Una clase se puede valorar cuando está completada.</translation>
    </message>
    <message>
      <source>A session can only be completed once it has been paid.</source>
      <translation>Una clase solo se puede completar cuando se ha pagado.</translation>
    </message>
    <message>
      <source>A session lasts at most {hours} hours.</source>
      <translation>Una clase dura como máximo {hours} horas.</translation>
    </message>
    <message>
      <source>A statement covers at most 10 years.</source>
      <translation>Un extracto abarca como máximo 10 años.</translation>
    </message>
    <message>
      <source>A Stripe publishable key starts with 'pk_'.</source>
      <translation>Una clave publicable de Stripe empieza por 'pk_'.</translation>
    </message>
    <message>
      <source>A student</source>
      <translation>Un estudiante</translation>
    </message>
    <message>
      <source>A teacher sees only their own statements.</source>
      <translation>Un profesor solo ve sus propios extractos.</translation>
    </message>
    <message>
      <source>A worker id is 1 to 120 characters.</source>
      <translation>El identificador de un proceso de trabajo tiene de 1 a 120 caracteres.</translation>
    </message>
    <message>
      <source>A1 — Beginner</source>
      <translation>A1 — Principiante</translation>
    </message>
    <message>
      <source>A2 — Elementary</source>
      <translation>A2 — Elemental</translation>
    </message>
    <message>
      <source>About</source>
      <translation>Sobre el profesor</translation>
    </message>
    <message>
      <source>About me</source>
      <translation>Sobre mí</translation>
    </message>
    <message>
      <source>About this gig</source>
      <translation>Sobre esta oferta</translation>
    </message>
    <message>
      <source>Accept new time</source>
      <translation>Aceptar la nueva hora</translation>
    </message>
    <message>
      <source>Account locked</source>
      <translation>Cuenta bloqueada</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Acción</translation>
    </message>
    <message>
      <source>action filter</source>
      <translation>filtro de acción</translation>
    </message>
    <message>
      <source>Action starts with… (e.g. refund.)</source>
      <translation>La acción empieza por… (p. ej. refund.)</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>Activo</translation>
    </message>
    <message>
      <source>Active</source>
      <comment>gig</comment>
      <translation>Activa</translation>
    </message>
    <message>
      <source>Active, temporary password</source>
      <translation>Activo, contraseña temporal</translation>
    </message>
    <message>
      <source>Add a card</source>
      <translation>Añadir una tarjeta</translation>
    </message>
    <message>
      <source>Add a card before paying.</source>
      <translation>Añade una tarjeta antes de pagar.</translation>
    </message>
    <message>
      <source>Add a card…</source>
      <translation>Añadir una tarjeta…</translation>
    </message>
    <message>
      <source>Add card…</source>
      <translation>Añadir tarjeta…</translation>
    </message>
    <message>
      <source>Add day off</source>
      <translation>Añadir día libre</translation>
    </message>
    <message>
      <source>Add hours</source>
      <translation>Añadir horas</translation>
    </message>
    <message>
      <source>Add language</source>
      <translation>Añadir idioma</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>Añadida</translation>
    </message>
    <message>
      <source>Admin</source>
      <translation>Administrador</translation>
    </message>
    <message>
      <source>Admin accounts cannot be registered here; use `linguaflex create-admin`.</source>
      <translation>Las cuentas de administrador no se pueden registrar aquí; usa `linguaflex create-admin`.</translation>
    </message>
    <message>
      <source>Admins</source>
      <translation>Administradores</translation>
    </message>
    <message>
      <source>Adopted</source>
      <translation>Adoptado</translation>
    </message>
    <message>
      <source>After</source>
      <translation>Después</translation>
    </message>
    <message>
      <source>Agenda</source>
      <translation>Lista</translation>
    </message>
    <message>
      <source>agrees</source>
      <translation>coincide</translation>
    </message>
    <message>
      <source>ALL</source>
      <translation>TODOS</translation>
    </message>
    <message>
      <source>All bookings</source>
      <translation>Todas las reservas</translation>
    </message>
    <message>
      <source>All files</source>
      <translation>Todos los archivos</translation>
    </message>
    <message>
      <source>All jobs</source>
      <translation>Todas las tareas</translation>
    </message>
    <message>
      <source>All levels</source>
      <translation>Todos los niveles</translation>
    </message>
    <message>
      <source>All read</source>
      <translation>Todo leído</translation>
    </message>
    <message>
      <source>All roles</source>
      <translation>Todos los roles</translation>
    </message>
    <message>
      <source>All time</source>
      <translation>Todo</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Importe</translation>
    </message>
    <message>
      <source>Amount ({currency})</source>
      <translation>Importe ({currency})</translation>
    </message>
    <message>
      <source>Amount differs</source>
      <translation>El importe no coincide</translation>
    </message>
    <message>
      <source>amount differs</source>
      <translation>el importe no coincide</translation>
    </message>
    <message>
      <source>Amounts must be exact (a decimal string), not a float.</source>
      <translation>Los importes deben ser exactos (un texto decimal), no un número de coma flotante.</translation>
    </message>
    <message>
      <source>An account with the email {email} already exists.</source>
      <translation>Ya existe una cuenta con el correo electrónico {email}.</translation>
    </message>
    <message>
      <source>An admin gave you a temporary password. Choose your own password to continue; nothing else can be done before.</source>
      <translation>Un administrador te ha dado una contraseña temporal. Elige tu propia contraseña para continuar; antes no se puede hacer nada más.</translation>
    </message>
    <message>
      <source>An administrator hid your review of this session: other students no longer see it and it no longer counts in the teacher's rating.</source>
      <translation>Un administrador ha ocultado tu reseña de esta clase: los demás estudiantes ya no la ven y ya no cuenta en la valoración del profesor.</translation>
    </message>
    <message>
      <source>An empty secret cannot be stored; clear it instead.</source>
      <translation>No se puede guardar un secreto vacío; bórralo en su lugar.</translation>
    </message>
    <message>
      <source>An exported time must carry its time zone.</source>
      <translation>Una hora exportada debe llevar su zona horaria.</translation>
    </message>
    <message>
      <source>An hourly rate of {rate} is not plausible.</source>
      <translation>Un precio por hora de {rate} no es verosímil.</translation>
    </message>
    <message>
      <source>An unexpected error occurred and the action was not completed. The details were written to the log file.</source>
      <translation>Se produjo un error inesperado y la acción no se completó. Los detalles se guardaron en el archivo de registro.</translation>
    </message>
    <message>
      <source>Another process already serves this folder's payments sandbox.</source>
      <translation>Otro proceso ya sirve el entorno de pruebas de pagos de esta carpeta.</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>Respuesta</translation>
    </message>
    <message>
      <source>answer</source>
      <translation>respuesta</translation>
    </message>
    <message>
      <source>Answer by</source>
      <translation>Responder antes de</translation>
    </message>
    <message>
      <source>Answer cancellation request</source>
      <translation>Responder a la solicitud de cancelación</translation>
    </message>
    <message>
      <source>Answer each request before its deadline; times are in your zone, {zone}.</source>
      <translation>Responde cada solicitud antes de su plazo; las horas están en tu zona, {zone}.</translation>
    </message>
    <message>
      <source>Answer from {name} ({when}):</source>
      <translation>Respuesta de {name} ({when}):</translation>
    </message>
    <message>
      <source>Answer review</source>
      <translation>Responder a la reseña</translation>
    </message>
    <message>
      <source>Answer {student}'s review ({stars} of 5). Students see your answer under the review; you can answer once.</source>
      <translation>Responde a la reseña de {student} ({stars} de 5). Los estudiantes ven tu respuesta debajo de la reseña; solo puedes responder una vez.</translation>
    </message>
    <message>
      <source>Answered</source>
      <translation>Respondida</translation>
    </message>
    <message>
      <source>Answered: {answer}.</source>
      <translation>Respondida: {answer}.</translation>
    </message>
    <message>
      <source>Answer…</source>
      <translation>Responder…</translation>
    </message>
    <message>
      <source>Any currency</source>
      <translation>Cualquier moneda</translation>
    </message>
    <message>
      <source>Any language</source>
      <translation>Cualquier idioma</translation>
    </message>
    <message>
      <source>Any level</source>
      <translation>Cualquier nivel</translation>
    </message>
    <message>
      <source>Any payment</source>
      <translation>Cualquier pago</translation>
    </message>
    <message>
      <source>Any record</source>
      <translation>Cualquier registro</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>Cualquier estado</translation>
    </message>
    <message>
      <source>Any student</source>
      <translation>Cualquier estudiante</translation>
    </message>
    <message>
      <source>Any teacher</source>
      <translation>Cualquier profesor</translation>
    </message>
    <message>
      <source>Any time</source>
      <translation>Cualquier fecha</translation>
    </message>
    <message>
      <source>Apply what is due to this booking now (an unpaid one is cancelled).</source>
      <translation>Aplica ahora a esta reserva los cambios que tocan (si está sin pagar, se cancela).</translation>
    </message>
    <message>
      <source>Apr</source>
      <translation>abr</translation>
    </message>
    <message>
      <source>Ask for at most {n} days at a time.</source>
      <translation>Pide como máximo {n} días a la vez.</translation>
    </message>
    <message>
      <source>Ask for at most {n} teachers at a time.</source>
      <translation>Pide como máximo {n} profesores a la vez.</translation>
    </message>
    <message>
      <source>Ask Stripe now about {what} {id}</source>
      <translation>Consultar ahora a Stripe sobre {what} {id}</translation>
    </message>
    <message>
      <source>Ask Stripe where the payment stands and record it.</source>
      <translation>Pregunta a Stripe en qué estado está el pago y lo registra.</translation>
    </message>
    <message>
      <source>Ask to cancel</source>
      <translation>Solicitar cancelación</translation>
    </message>
    <message>
      <source>Ask to cancel “{gig}” with {name} on {when}?</source>
      <translation>¿Solicitar cancelar “{gig}” con {name} el {when}?</translation>
    </message>
    <message>
      <source>Asked</source>
      <translation>Solicitada</translation>
    </message>
    <message>
      <source>Asked on {when}: “{reason}”.</source>
      <translation>Solicitada el {when}: “{reason}”.</translation>
    </message>
    <message>
      <source>At least {count} characters</source>
      <translation>Al menos {count} caracteres</translation>
    </message>
    <message>
      <source>At most {remaining} can be refunded ({refunded} of {paid} is already refunded).</source>
      <translation>Se pueden reembolsar como máximo {remaining} (ya se han reembolsado {refunded} de {paid}).</translation>
    </message>
    <message>
      <source>Attempt {attempt} failed, retrying: {reason}</source>
      <translation>El intento {attempt} falló; se vuelve a intentar: {reason}</translation>
    </message>
    <message>
      <source>Attempts</source>
      <translation>Intentos</translation>
    </message>
    <message>
      <source>Audit</source>
      <translation>Auditoría</translation>
    </message>
    <message>
      <source>Audit trail</source>
      <translation>Registro de auditoría</translation>
    </message>
    <message>
      <source>audit trail</source>
      <translation>registro de auditoría</translation>
    </message>
    <message>
      <source>Aug</source>
      <translation>ago</translation>
    </message>
    <message>
      <source>Availability</source>
      <translation>Disponibilidad</translation>
    </message>
    <message>
      <source>B1 — Intermediate</source>
      <translation>B1 — Intermedio</translation>
    </message>
    <message>
      <source>B2 — Upper intermediate</source>
      <translation>B2 — Intermedio alto</translation>
    </message>
    <message>
      <source>Back to the student</source>
      <translation>Devuelto al estudiante</translation>
    </message>
    <message>
      <source>Background job gave up</source>
      <translation>Tarea en segundo plano abandonada</translation>
    </message>
    <message>
      <source>Background jobs</source>
      <translation>Tareas en segundo plano</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Antes</translation>
    </message>
    <message>
      <source>being paid</source>
      <translation>en proceso de pago</translation>
    </message>
    <message>
      <source>Being sent to Stripe</source>
      <translation>Enviándose a Stripe</translation>
    </message>
    <message>
      <source>Best match</source>
      <translation>Más relevantes</translation>
    </message>
    <message>
      <source>Best rated</source>
      <translation>Mejor valoradas</translation>
    </message>
    <message>
      <source>bio</source>
      <translation>biografía</translation>
    </message>
    <message>
      <source>Book a session…</source>
      <translation>Reservar una clase…</translation>
    </message>
    <message>
      <source>Book “{title}”</source>
      <translation>Reservar “{title}”</translation>
    </message>
    <message>
      <source>Booking</source>
      <translation>Reserva</translation>
    </message>
    <message>
      <source>booking</source>
      <translation>reserva</translation>
    </message>
    <message>
      <source>Booking #</source>
      <translation>Reserva n.º</translation>
    </message>
    <message>
      <source>Booking #{id}</source>
      <translation>Reserva n.º {id}</translation>
    </message>
    <message>
      <source>Booking #{number} · {gig}</source>
      <translation>Reserva n.º {number} · {gig}</translation>
    </message>
    <message>
      <source>Booking #{number}: {gig}, {student} with {teacher}, {when} — {status}, payment {payment}</source>
      <translation>Reserva #{number}: {gig}, {student} con {teacher}, {when} — {status}, pago: {payment}</translation>
    </message>
    <message>
      <source>Booking after</source>
      <translation>Reserva después</translation>
    </message>
    <message>
      <source>Booking cancelled</source>
      <translation>Reserva cancelada</translation>
    </message>
    <message>
      <source>Booking closed by a full refund</source>
      <translation>Reserva cerrada por un reembolso total</translation>
    </message>
    <message>
      <source>Booking differs</source>
      <translation>La reserva no coincide</translation>
    </message>
    <message>
      <source>booking differs</source>
      <translation>la reserva no coincide</translation>
    </message>
    <message>
      <source>Booking moved to a new time</source>
      <translation>Reserva cambiada a una nueva hora</translation>
    </message>
    <message>
      <source>Booking paid</source>
      <translation>Reserva pagada</translation>
    </message>
    <message>
      <source>Booking request</source>
      <translation>Solicitud de reserva</translation>
    </message>
    <message>
      <source>booking request</source>
      <translation>solicitud de reserva</translation>
    </message>
    <message>
      <source>Booking requested</source>
      <translation>Reserva solicitada</translation>
    </message>
    <message>
      <source>booking status</source>
      <translation>estado de la reserva</translation>
    </message>
    <message>
      <source>Bookings</source>
      <translation>Reservas</translation>
    </message>
    <message>
      <source>bookings</source>
      <translation>reservas</translation>
    </message>
    <message>
      <source>Book…</source>
      <translation>Reservar…</translation>
    </message>
    <message>
      <source>Both keys are present and live mode keys.</source>
      <translation>Las dos claves están presentes y son claves del modo real.</translation>
    </message>
    <message>
      <source>Both keys are present and sandbox keys.</source>
      <translation>Las dos claves están presentes y son claves del entorno de pruebas.</translation>
    </message>
    <message>
      <source>Both keys are present and test mode keys.</source>
      <translation>Las dos claves están presentes y son claves del modo de prueba.</translation>
    </message>
    <message>
      <source>Both keys belong to account {account}.</source>
      <translation>Las dos claves pertenecen a la cuenta {account}.</translation>
    </message>
    <message>
      <source>Both Stripe keys (secret and publishable) are needed.</source>
      <translation>Se necesitan las dos claves de Stripe (secreta y publicable).</translation>
    </message>
    <message>
      <source>Both Stripe keys are needed: enter the secret and the publishable key in Settings.</source>
      <translation>Se necesitan las dos claves de Stripe: introduce la clave secreta y la publicable en Ajustes.</translation>
    </message>
    <message>
      <source>Browser</source>
      <translation>Navegador</translation>
    </message>
    <message>
      <source>by</source>
      <translation>por</translation>
    </message>
    <message>
      <source>by day in {zone}. Refunds count in the day of the payment they return.</source>
      <translation>por día en {zone}. Los reembolsos cuentan en el día del pago que devuelven.</translation>
    </message>
    <message>
      <source>By language</source>
      <translation>Por idioma</translation>
    </message>
    <message>
      <source>by language, days in {zone}. Refunds count with the payment they return.</source>
      <translation>por idioma, días en {zone}. Los reembolsos cuentan con el pago que devuelven.</translation>
    </message>
    <message>
      <source>by month in {zone}. Refunds count in the month of the payment they return.</source>
      <translation>por mes en {zone}. Los reembolsos cuentan en el mes del pago que devuelven.</translation>
    </message>
    <message>
      <source>By teacher</source>
      <translation>Por profesor</translation>
    </message>
    <message>
      <source>by teacher, days in {zone}. Refunds count with the payment they return.</source>
      <translation>por profesor, días en {zone}. Los reembolsos cuentan con el pago que devuelven.</translation>
    </message>
    <message>
      <source>by week (from Monday) in {zone}. Refunds count in the week of the payment they return.</source>
      <translation>por semana (desde el lunes) en {zone}. Los reembolsos cuentan en la semana del pago que devuelven.</translation>
    </message>
    <message>
      <source>C1 — Advanced</source>
      <translation>C1 — Avanzado</translation>
    </message>
    <message>
      <source>C2 — Proficient</source>
      <translation>C2 — Maestría</translation>
    </message>
    <message>
      <source>Calendar invite</source>
      <translation>Invitación de calendario</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <source>Cancel and refund</source>
      <translation>Cancelar y reembolsar</translation>
    </message>
    <message>
      <source>Cancel booking</source>
      <translation>Cancelar reserva</translation>
    </message>
    <message>
      <source>Cancel booking…</source>
      <translation>Cancelar reserva…</translation>
    </message>
    <message>
      <source>Cancel payment attempt</source>
      <translation>Cancelar intento de pago</translation>
    </message>
    <message>
      <source>Cancel {student}'s booking of “{gig}” with {teacher} on {when}? Both are told the reason.</source>
      <translation>¿Cancelar la reserva de {student} de «{gig}» con {teacher} el {when}? Ambos recibirán el motivo.</translation>
    </message>
    <message>
      <source>Cancel “{gig}” with {name} on {when}?</source>
      <translation>¿Cancelar “{gig}” con {name} el {when}?</translation>
    </message>
    <message>
      <source>Canceled</source>
      <translation>Cancelado</translation>
    </message>
    <message>
      <source>Cancellation</source>
      <translation>Cancelación</translation>
    </message>
    <message>
      <source>cancellation</source>
      <translation>cancelación</translation>
    </message>
    <message>
      <source>Cancellation answered</source>
      <translation>Cancelación respondida</translation>
    </message>
    <message>
      <source>Cancellation policy: you can cancel a paid session yourself up to 24 hours before it starts and get a full refund automatically. Later, you can ask to cancel: the teacher or LinguaFlex decides whether you get a full, partial or no refund. If the teacher cancels, you always get a full refund.</source>
      <translation>Política de cancelación: puedes cancelar tú mismo una clase pagada hasta 24 horas antes de que empiece y recibir un reembolso completo automáticamente. Después, puedes solicitar la cancelación: el profesor o LinguaFlex decide si recibes un reembolso completo, parcial o ninguno. Si el profesor cancela, siempre recibes un reembolso completo.</translation>
    </message>
    <message>
      <source>Cancellation request</source>
      <translation>Solicitud de cancelación</translation>
    </message>
    <message>
      <source>Cancellation request #{request} answered: full refund.</source>
      <translation>Solicitud de cancelación n.º {request} respondida: reembolso completo.</translation>
    </message>
    <message>
      <source>Cancellation request #{request} answered: partial refund.</source>
      <translation>Solicitud de cancelación n.º {request} respondida: reembolso parcial.</translation>
    </message>
    <message>
      <source>Cancellation request · {summary}</source>
      <translation>Solicitud de cancelación · {summary}</translation>
    </message>
    <message>
      <source>Cancellation requests</source>
      <translation>Solicitudes de cancelación</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Cancelada</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>cancelada</translation>
    </message>
    <message>
      <source>cancelled</source>
      <comment>stripe</comment>
      <translation>cancelado</translation>
    </message>
    <message>
      <source>Cancelled by the student more than 24 hours before the start.</source>
      <translation>Cancelada por el estudiante más de 24 horas antes del inicio.</translation>
    </message>
    <message>
      <source>Cancelled by the teacher (always a full refund).</source>
      <translation>Cancelada por el profesor (siempre con reembolso completo).</translation>
    </message>
    <message>
      <source>Cancelled: not paid by the deadline</source>
      <translation>Cancelada: no se pagó dentro del plazo</translation>
    </message>
    <message>
      <source>Cancelling a paid session refunds the student in full.</source>
      <translation>Cancelar una clase pagada reembolsa el total al estudiante.</translation>
    </message>
    <message>
      <source>Cancelling the payment attempt…</source>
      <translation>Cancelando el intento de pago…</translation>
    </message>
    <message>
      <source>Cancelling the payment…</source>
      <translation>Cancelando el pago…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Cancelando…</translation>
    </message>
    <message>
      <source>Cannot do that</source>
      <translation>No se puede hacer</translation>
    </message>
    <message>
      <source>Cannot read {typed} as an amount: thousands are grouped in threes (1,000,000).</source>
      <translation>No se puede leer {typed} como importe: los miles se agrupan de tres en tres (1.000.000).</translation>
    </message>
    <message>
      <source>Cannot read {typed} as an amount: use digits, e.g. 1250.50.</source>
      <translation>No se puede leer {typed} como importe: usa cifras, p. ej. 1250,50.</translation>
    </message>
    <message>
      <source>Cannot read {typed} as an amount: use one decimal mark.</source>
      <translation>No se puede leer {typed} como importe: usa un solo separador decimal.</translation>
    </message>
    <message>
      <source>Cannot read {typed} as an amount: {currency} amounts have at most 0 decimal places; separators group thousands.</source>
      <translation>No se puede leer {typed} como importe: los importes en {currency} no tienen decimales; los separadores agrupan los miles.</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>Tarjeta</translation>
    </message>
    <message>
      <source>Card brand</source>
      <translation>Marca de la tarjeta</translation>
    </message>
    <message>
      <source>Card ending</source>
      <translation>Tarjeta terminada en</translation>
    </message>
    <message>
      <source>Card setup (Checkout Session)</source>
      <translation>Configuración de tarjeta (Checkout Session)</translation>
    </message>
    <message>
      <source>Card setup cancelled; no card was saved.</source>
      <translation>Alta de tarjeta cancelada; no se guardó ninguna tarjeta.</translation>
    </message>
    <message>
      <source>Card setup not created at Stripe: {state}</source>
      <translation>Configuración de tarjeta no creada en Stripe: {state}</translation>
    </message>
    <message>
      <source>Card setup {id}: {state}</source>
      <translation>Configuración de tarjeta {id}: {state}</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Cambiar</translation>
    </message>
    <message>
      <source>Change</source>
      <comment>history column</comment>
      <translation>Cambio</translation>
    </message>
    <message>
      <source>Change password</source>
      <translation>Cambiar contraseña</translation>
    </message>
    <message>
      <source>Change your own password under Account &gt; Profile and password.</source>
      <translation>Cambia tu propia contraseña en Cuenta &gt; Perfil y contraseña.</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>Cambiados</translation>
    </message>
    <message>
      <source>Changes apply after LinguaFlex restarts.</source>
      <translation>Los cambios se aplican cuando LinguaFlex se reinicia.</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Comprobar</translation>
    </message>
    <message>
      <source>Checking for a saved sign-in…</source>
      <translation>Buscando una sesión guardada…</translation>
    </message>
    <message>
      <source>Checking for secure storage…</source>
      <translation>Comprobando el almacenamiento seguro…</translation>
    </message>
    <message>
      <source>Checking the keys with Stripe…</source>
      <translation>Comprobando las claves con Stripe…</translation>
    </message>
    <message>
      <source>Checking the meeting…</source>
      <translation>Comprobando la reunión…</translation>
    </message>
    <message>
      <source>Checks the keys LinguaFlex runs with now (saved changes count after a restart).</source>
      <translation>Comprueba las claves con las que funciona LinguaFlex ahora (los cambios guardados cuentan tras reiniciar).</translation>
    </message>
    <message>
      <source>Choose 1 to 5 stars.</source>
      <translation>Elige de 1 a 5 estrellas.</translation>
    </message>
    <message>
      <source>Choose a currency to filter by price</source>
      <translation>Elige una moneda para filtrar por precio</translation>
    </message>
    <message>
      <source>Choose a first day on or before the last day.</source>
      <translation>Elige un primer día igual o anterior al último.</translation>
    </message>
    <message>
      <source>Choose a free time above.</source>
      <translation>Elige una hora libre arriba.</translation>
    </message>
    <message>
      <source>Choose a free time in the week above.</source>
      <translation>Elige una hora libre en la semana de arriba.</translation>
    </message>
    <message>
      <source>Choose a full refund, a partial refund or no refund.</source>
      <translation>Elige un reembolso completo, un reembolso parcial o ningún reembolso.</translation>
    </message>
    <message>
      <source>Choose a new password</source>
      <translation>Elige una contraseña nueva</translation>
    </message>
    <message>
      <source>Choose a period whose first day comes before its end.</source>
      <translation>Elige un periodo cuyo primer día sea anterior a su final.</translation>
    </message>
    <message>
      <source>Choose a period whose start comes before its end.</source>
      <translation>Elige un periodo cuyo inicio sea anterior a su final.</translation>
    </message>
    <message>
      <source>Choose a photo</source>
      <translation>Elige una foto</translation>
    </message>
    <message>
      <source>Choose a session length to see free times.</source>
      <translation>Elige la duración de la clase para ver las horas libres.</translation>
    </message>
    <message>
      <source>Choose a teacher to read their reviews.</source>
      <translation>Elige un profesor para leer sus reseñas.</translation>
    </message>
    <message>
      <source>Choose at least one day for your free time.</source>
      <translation>Elige al menos un día para tu tiempo libre.</translation>
    </message>
    <message>
      <source>Choose buckets of a day, a week or a month.</source>
      <translation>Elige agrupar por día, semana o mes.</translation>
    </message>
    <message>
      <source>Choose level</source>
      <translation>Elige el nivel</translation>
    </message>
    <message>
      <source>Choose photo…</source>
      <translation>Elegir foto…</translation>
    </message>
    <message>
      <source>Choose the kind of record to look up a record by its number.</source>
      <translation>Elige el tipo de registro para buscar un registro por su número.</translation>
    </message>
    <message>
      <source>Choose your free time</source>
      <translation>Elige tu tiempo libre</translation>
    </message>
    <message>
      <source>Choose your free time as days and hours.</source>
      <translation>Indica tu tiempo libre como días y horas.</translation>
    </message>
    <message>
      <source>Choose your level in {language} ({levels}).</source>
      <translation>Elige tu nivel de {language} ({levels}).</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>Quitar filtros</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Código</translation>
    </message>
    <message>
      <source>Compare every paid payment and refund with Stripe</source>
      <translation>Compara todos los pagos cobrados y los reembolsos con Stripe</translation>
    </message>
    <message>
      <source>Compare the payment with Stripe again, settling its refunds Stripe has finished.</source>
      <translation>Vuelve a comparar el pago con Stripe y cierra los reembolsos que Stripe ya ha completado.</translation>
    </message>
    <message>
      <source>Compare the payment with Stripe again; a refund made in the Stripe Dashboard stays listed until it is recorded or cancelled there.</source>
      <translation>Vuelve a comparar el pago con Stripe; un reembolso hecho en el panel de Stripe sigue en la lista hasta que se registre o se cancele allí.</translation>
    </message>
    <message>
      <source>Compared {checked} payment(s). {agrees}</source>
      <translation>Comparados {checked} pago(s). {agrees}</translation>
    </message>
    <message>
      <source>Compared {checked} payment(s): {differences} difference(s) between our ledger and Stripe.</source>
      <translation>Comparados {checked} pago(s): {differences} diferencia(s) entre nuestra contabilidad y Stripe.</translation>
    </message>
    <message>
      <source>Compared {done} of {total} payment(s) with Stripe…</source>
      <translation>Comparados {done} de {total} pago(s) con Stripe…</translation>
    </message>
    <message>
      <source>Comparing our payments with Stripe…</source>
      <translation>Comparando nuestros pagos con Stripe…</translation>
    </message>
    <message>
      <source>Comparing…</source>
      <translation>Comparando…</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>Completada</translation>
    </message>
    <message>
      <source>completed</source>
      <translation>completada</translation>
    </message>
    <message>
      <source>Completed sessions can be rated once.</source>
      <translation>Las clases completadas se pueden valorar una vez.</translation>
    </message>
    <message>
      <source>Configuration problem</source>
      <translation>Problema de configuración</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Confirmar</translation>
    </message>
    <message>
      <source>Confirm new address</source>
      <translation>Confirmar la dirección nueva</translation>
    </message>
    <message>
      <source>Confirm password</source>
      <translation>Confirmar contraseña</translation>
    </message>
    <message>
      <source>Confirm your new LinguaFlex e-mail address</source>
      <translation>Confirma tu nuevo correo electrónico de LinguaFlex</translation>
    </message>
    <message>
      <source>confirmation, pay now</source>
      <translation>confirmación, paga ahora</translation>
    </message>
    <message>
      <source>Confirmed</source>
      <translation>Confirmada</translation>
    </message>
    <message>
      <source>confirmed</source>
      <translation>confirmada</translation>
    </message>
    <message>
      <source>Confirmed. {name} can now pay for the session.</source>
      <translation>Confirmada. {name} ya puede pagar la clase.</translation>
    </message>
    <message>
      <source>Conflict</source>
      <translation>Conflicto</translation>
    </message>
    <message>
      <source>contact details hidden</source>
      <translation>datos de contacto ocultos</translation>
    </message>
    <message>
      <source>Continue verification</source>
      <translation>Continuar verificación</translation>
    </message>
    <message>
      <source>Copy link</source>
      <translation>Copiar enlace</translation>
    </message>
    <message>
      <source>Copy the session's link, to paste it into a calendar or chat.</source>
      <translation>Copia el enlace de la clase para pegarlo en un calendario o un chat.</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>País</translation>
    </message>
    <message>
      <source>Create account</source>
      <translation>Crear cuenta</translation>
    </message>
    <message>
      <source>Create gig</source>
      <translation>Crear oferta</translation>
    </message>
    <message>
      <source>Create meeting</source>
      <translation>Crear reunión</translation>
    </message>
    <message>
      <source>Create the meeting</source>
      <translation>Crear la reunión</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>Creado</translation>
    </message>
    <message>
      <source>Creating account…</source>
      <translation>Creando la cuenta…</translation>
    </message>
    <message>
      <source>CSV files</source>
      <translation>Archivos CSV</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>Moneda</translation>
    </message>
    <message>
      <source>Currency differs</source>
      <translation>La moneda no coincide</translation>
    </message>
    <message>
      <source>currency differs</source>
      <translation>la moneda no coincide</translation>
    </message>
    <message>
      <source>Current address</source>
      <translation>Dirección actual</translation>
    </message>
    <message>
      <source>Current password</source>
      <translation>Contraseña actual</translation>
    </message>
    <message>
      <source>Custom: {window}</source>
      <translation>Personalizado: {window}</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Customer</translation>
    </message>
    <message>
      <source>Custom…</source>
      <translation>Personalizado…</translation>
    </message>
    <message>
      <source>Damaged database</source>
      <translation>Base de datos dañada</translation>
    </message>
    <message>
      <source>Data folder not writable</source>
      <translation>No se puede escribir en la carpeta de datos</translation>
    </message>
    <message>
      <source>Data: {location}</source>
      <translation>Datos: {location}</translation>
    </message>
    <message>
      <source>Database cannot be used</source>
      <translation>No se puede usar la base de datos</translation>
    </message>
    <message>
      <source>Database unavailable</source>
      <translation>Base de datos no disponible</translation>
    </message>
    <message>
      <source>Dates…</source>
      <translation>Fechas…</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>Día</translation>
    </message>
    <message>
      <source>day off</source>
      <translation>día libre</translation>
    </message>
    <message>
      <source>day-off note</source>
      <translation>nota del día libre</translation>
    </message>
    <message>
      <source>Days and hours in your time zone ({zone}):</source>
      <translation>Días y horas en tu zona horaria ({zone}):</translation>
    </message>
    <message>
      <source>Days off</source>
      <translation>Días libres</translation>
    </message>
    <message>
      <source>Dead job queued again</source>
      <translation>Tarea abandonada puesta de nuevo en cola</translation>
    </message>
    <message>
      <source>Dead letter</source>
      <translation>Fallida</translation>
    </message>
    <message>
      <source>Dead letters</source>
      <translation>Tareas fallidas</translation>
    </message>
    <message>
      <source>dead-lettered</source>
      <translation>abandonada</translation>
    </message>
    <message>
      <source>Dec</source>
      <translation>dic</translation>
    </message>
    <message>
      <source>Decline</source>
      <translation>Rechazar</translation>
    </message>
    <message>
      <source>Decline request</source>
      <translation>Rechazar solicitud</translation>
    </message>
    <message>
      <source>Decline {name}'s request for {when}? The reason is shown to the student.</source>
      <translation>¿Rechazar la solicitud de {name} para el {when}? El estudiante verá el motivo.</translation>
    </message>
    <message>
      <source>Declined</source>
      <translation>Rechazada</translation>
    </message>
    <message>
      <source>declined</source>
      <translation>rechazado</translation>
    </message>
    <message>
      <source>Declined. {name} has been told why.</source>
      <translation>Rechazada. Se ha informado a {name} del motivo.</translation>
    </message>
    <message>
      <source>Decline…</source>
      <translation>Rechazar…</translation>
    </message>
    <message>
      <source>Default</source>
      <translation>Predeterminada</translation>
    </message>
    <message>
      <source>default</source>
      <translation>predeterminada</translation>
    </message>
    <message>
      <source>Default (587)</source>
      <translation>Predeterminado (587)</translation>
    </message>
    <message>
      <source>Default (STARTTLS)</source>
      <translation>Predeterminado (STARTTLS)</translation>
    </message>
    <message>
      <source>Default card</source>
      <translation>Tarjeta predeterminada</translation>
    </message>
    <message>
      <source>Default set</source>
      <translation>Marcada como predeterminada</translation>
    </message>
    <message>
      <source>Delete meeting</source>
      <translation>Eliminar reunión</translation>
    </message>
    <message>
      <source>Delete the meeting</source>
      <translation>Eliminar la reunión</translation>
    </message>
    <message>
      <source>Delete the stored value from the keyring</source>
      <translation>Borra el valor guardado del llavero</translation>
    </message>
    <message>
      <source>Demo accounts of this database. Choose one to sign in:</source>
      <translation>Cuentas de demostración de esta base de datos. Elige una para iniciar sesión:</translation>
    </message>
    <message>
      <source>Demo data loaded: {teachers} teachers with {gigs} gigs, {students} students and {admins} admin. Choose an account to sign in:</source>
      <translation>Datos de demostración cargados: {teachers} profesores con {gigs} ofertas, {students} estudiantes y {admins} administrador. Elige una cuenta para iniciar sesión:</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Descripción</translation>
    </message>
    <message>
      <source>description</source>
      <translation>descripción</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Detalles</translation>
    </message>
    <message>
      <source>Details…</source>
      <translation>Detalles…</translation>
    </message>
    <message>
      <source>Difference</source>
      <translation>Diferencia</translation>
    </message>
    <message>
      <source>Differences</source>
      <translation>Diferencias</translation>
    </message>
    <message>
      <source>differs</source>
      <translation>no coincide</translation>
    </message>
    <message>
      <source>Differs from Stripe</source>
      <translation>No coincide con Stripe</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>Nombre visible</translation>
    </message>
    <message>
      <source>display name</source>
      <translation>nombre visible</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Hecha</translation>
    </message>
    <message>
      <source>done</source>
      <translation>hecha</translation>
    </message>
    <message>
      <source>Done. Tell {name} this password in person or by phone (not by e-mail); they must choose their own when they next sign in.</source>
      <translation>Hecho. Dile esta contraseña a {name} en persona o por teléfono (no por correo); tendrá que elegir la suya la próxima vez que inicie sesión.</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <source>E-mail handed over</source>
      <translation>Correo entregado</translation>
    </message>
    <message>
      <source>E-mail is not set up for this app, so no code can be sent. Please ask an admin to give you a temporary password.</source>
      <translation>El correo electrónico no está configurado en esta aplicación, así que no se puede enviar ningún código. Pide a un administrador que te dé una contraseña temporal.</translation>
    </message>
    <message>
      <source>E-mail is not set up for this app, so no code can be sent. Please ask an admin to set a temporary password for you (Users tab, Set temporary password…); you choose your own when you next sign in.</source>
      <translation>El correo electrónico no está configurado en esta aplicación, así que no se puede enviar ningún código. Pide a un administrador que te ponga una contraseña temporal (pestaña Usuarios, Poner contraseña temporal…); elegirás la tuya la próxima vez que inicies sesión.</translation>
    </message>
    <message>
      <source>E-mail sent</source>
      <translation>Correo enviado</translation>
    </message>
    <message>
      <source>e.g. Conversational Spanish for travellers</source>
      <translation>p. ej., Español conversacional para viajeros</translation>
    </message>
    <message>
      <source>e.g. Spanish</source>
      <translation>p. ej., Español</translation>
    </message>
    <message>
      <source>Each range must start before it ends, within one day.</source>
      <translation>Cada franja debe empezar antes de terminar, dentro de un mismo día.</translation>
    </message>
    <message>
      <source>Each weekly range must be a weekday with start and end.</source>
      <translation>Cada franja semanal debe ser un día de la semana con inicio y fin.</translation>
    </message>
    <message>
      <source>Earned</source>
      <translation>Ganado</translation>
    </message>
    <message>
      <source>Earned up to the end of the period, less everything paid out by then.</source>
      <translation>Lo ganado hasta el final del periodo, menos todo lo pagado al profesor hasta entonces.</translation>
    </message>
    <message>
      <source>Earned: the teacher's share of the payments that succeeded in the period, less the refunds taken from it. Owed: everything earned up to the end of the period, less everything paid out by then.</source>
      <translation>Ganado: la parte del profesor de los pagos completados en el periodo, menos los reembolsos descontados de ella. Adeudado: todo lo ganado hasta el final del periodo, menos todo lo pagado al profesor hasta entonces.</translation>
    </message>
    <message>
      <source>Earnings</source>
      <translation>Ingresos</translation>
    </message>
    <message>
      <source>earnings</source>
      <translation>ingresos</translation>
    </message>
    <message>
      <source>Edit gig</source>
      <translation>Editar oferta</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Editar…</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <source>email address</source>
      <translation>correo electrónico</translation>
    </message>
    <message>
      <source>Email changed</source>
      <translation>Correo cambiado</translation>
    </message>
    <message>
      <source>end of the range</source>
      <translation>fin de la franja</translation>
    </message>
    <message>
      <source>Ends</source>
      <translation>Termina</translation>
    </message>
    <message>
      <source>Enter an amount.</source>
      <translation>Escribe un importe.</translation>
    </message>
    <message>
      <source>Enter it in LinguaFlex (Account &gt; Profile and password) to use this address for your account. It works once, for {minutes} minutes.</source>
      <translation>Introdúcelo en LinguaFlex (Cuenta &gt; Perfil y contraseña) para usar esta dirección en tu cuenta. Sirve una sola vez, durante {minutes} minutos.</translation>
    </message>
    <message>
      <source>Enter it in LinguaFlex (Forgot password?) with your new password. It works once, for {minutes} minutes.</source>
      <translation>Introdúcelo en LinguaFlex (¿Olvidaste tu contraseña?) junto con tu nueva contraseña. Sirve una sola vez, durante {minutes} minutos.</translation>
    </message>
    <message>
      <source>Enter the e-mail address of your account; we send it a code.</source>
      <translation>Escribe el correo electrónico de tu cuenta; te enviaremos un código.</translation>
    </message>
    <message>
      <source>Enter your email address and password.</source>
      <translation>Escribe tu correo electrónico y tu contraseña.</translation>
    </message>
    <message>
      <source>Every booking matching the filters, to a CSV file</source>
      <translation>Todas las reservas que cumplen los filtros, a un archivo CSV</translation>
    </message>
    <message>
      <source>Every event matching the filters, to a CSV file</source>
      <translation>Todos los eventos que cumplen los filtros, a un archivo CSV</translation>
    </message>
    <message>
      <source>Every event of the booking, with Stripe's side</source>
      <translation>Todos los eventos de la reserva, con la versión de Stripe</translation>
    </message>
    <message>
      <source>Every event of the row's booking, with Stripe's side</source>
      <translation>Todos los eventos de la reserva de la fila, con la versión de Stripe</translation>
    </message>
    <message>
      <source>Every paid payment and refund agrees with Stripe.</source>
      <translation>Todos los pagos cobrados y los reembolsos coinciden con Stripe.</translation>
    </message>
    <message>
      <source>Every payment matching the filters, to a CSV file</source>
      <translation>Todos los pagos que cumplen los filtros, a un archivo CSV</translation>
    </message>
    <message>
      <source>Everything that remains</source>
      <translation>Todo lo que queda</translation>
    </message>
    <message>
      <source>Everything that remains ({amount})</source>
      <translation>Todo lo que queda ({amount})</translation>
    </message>
    <message>
      <source>Excellent</source>
      <translation>Excelente</translation>
    </message>
    <message>
      <source>expected version</source>
      <translation>versión esperada</translation>
    </message>
    <message>
      <source>Expired</source>
      <translation>Caducada</translation>
    </message>
    <message>
      <source>Expires</source>
      <translation>Caduca</translation>
    </message>
    <message>
      <source>expires {date}</source>
      <translation>caduca {date}</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>Exportar CSV…</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>La exportación falló</translation>
    </message>
    <message>
      <source>Export finished</source>
      <translation>Exportación terminada</translation>
    </message>
    <message>
      <source>Export {what}</source>
      <translation>Exportar {what}</translation>
    </message>
    <message>
      <source>Exported 1 row to {path}.</source>
      <translation>Exportada 1 fila a {path}.</translation>
    </message>
    <message>
      <source>Exported {rows} rows to {path}.</source>
      <translation>Exportadas {rows} filas a {path}.</translation>
    </message>
    <message>
      <source>Exporting {what} to {file}…</source>
      <translation>Exportando {what} a {file}…</translation>
    </message>
    <message>
      <source>Exporting {what} to {file}… {rows} rows</source>
      <translation>Exportando {what} a {file}… {rows} filas</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Fallido</translation>
    </message>
    <message>
      <source>Failed</source>
      <comment>meeting</comment>
      <translation>Fallida</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>con el pago fallido</translation>
    </message>
    <message>
      <source>failed</source>
      <comment>stripe</comment>
      <translation>fallido</translation>
    </message>
    <message>
      <source>Failed attempts</source>
      <translation>Intentos fallidos</translation>
    </message>
    <message>
      <source>Fair</source>
      <translation>Regular</translation>
    </message>
    <message>
      <source>Feb</source>
      <translation>feb</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Campo</translation>
    </message>
    <message>
      <source>Filter by a list of {what} values.</source>
      <translation>Filtra por una lista de valores de «{what}».</translation>
    </message>
    <message>
      <source>Filter by name or email</source>
      <translation>Filtrar por nombre o correo</translation>
    </message>
    <message>
      <source>Find a teacher</source>
      <translation>Buscar profesor</translation>
    </message>
    <message>
      <source>Finished</source>
      <translation>Terminada</translation>
    </message>
    <message>
      <source>first day</source>
      <translation>primer día</translation>
    </message>
    <message>
      <source>Fix</source>
      <translation>Solucionar</translation>
    </message>
    <message>
      <source>Fix: {action}</source>
      <translation>Solucionar: {action}</translation>
    </message>
    <message>
      <source>Fixing…</source>
      <translation>Solucionando…</translation>
    </message>
    <message>
      <source>For {name}: {time}</source>
      <translation>Para {name}: {time}</translation>
    </message>
    <message>
      <source>Forgot password</source>
      <translation>Contraseña olvidada</translation>
    </message>
    <message>
      <source>Forgot password?</source>
      <translation>¿Olvidaste tu contraseña?</translation>
    </message>
    <message>
      <source>Free time</source>
      <translation>Tiempo libre</translation>
    </message>
    <message>
      <source>Free time goes in whole hours.</source>
      <translation>El tiempo libre va en horas enteras.</translation>
    </message>
    <message>
      <source>Free time must start before it ends, within one day.</source>
      <translation>El tiempo libre debe empezar antes de terminar, dentro de un mismo día.</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>vie</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Desde</translation>
    </message>
    <message>
      <source>From {country}</source>
      <translation>De {country}</translation>
    </message>
    <message>
      <source>Full refund</source>
      <translation>Reembolso completo</translation>
    </message>
    <message>
      <source>Full refund: the booking is cancelled</source>
      <translation>Reembolso completo: la reserva se cancela</translation>
    </message>
    <message>
      <source>Gave up</source>
      <translation>Abandonada</translation>
    </message>
    <message>
      <source>Gave up after {attempts} attempts: {reason}</source>
      <translation>Se abandonó tras {attempts} intentos: {reason}</translation>
    </message>
    <message>
      <source>Gig</source>
      <translation>Oferta</translation>
    </message>
    <message>
      <source>gig</source>
      <translation>oferta</translation>
    </message>
    <message>
      <source>Gigs</source>
      <translation>Ofertas</translation>
    </message>
    <message>
      <source>gigs</source>
      <translation>ofertas</translation>
    </message>
    <message>
      <source>Give each language as a name and a level.</source>
      <translation>Indica cada idioma con un nombre y un nivel.</translation>
    </message>
    <message>
      <source>Give the schedule window as aware instants.</source>
      <translation>Indica el intervalo de la agenda como instantes con zona horaria.</translation>
    </message>
    <message>
      <source>Give the student a reason when you decline.</source>
      <translation>Indica un motivo al estudiante cuando rechaces.</translation>
    </message>
    <message>
      <source>Give the weekly availability as a list of ranges.</source>
      <translation>Indica la disponibilidad semanal como una lista de franjas.</translation>
    </message>
    <message>
      <source>Give {name} ({email}) a temporary password. Their saved sign-ins end, and they must choose their own password at the next sign-in.</source>
      <translation>Da a {name} ({email}) una contraseña temporal. Sus sesiones guardadas terminan y tendrá que elegir su propia contraseña al iniciar sesión la próxima vez.</translation>
    </message>
    <message>
      <source>Good</source>
      <translation>Buena</translation>
    </message>
    <message>
      <source>Gross</source>
      <translation>Bruto</translation>
    </message>
    <message>
      <source>handed to the mail server; delivery not confirmed</source>
      <translation>entregado al servidor de correo; entrega sin confirmar</translation>
    </message>
    <message>
      <source>Health timeline — booking #{id}</source>
      <translation>Cronología de estado — reserva n.º {id}</translation>
    </message>
    <message>
      <source>Hello {name},</source>
      <translation>Hola, {name}:</translation>
    </message>
    <message>
      <source>Hidden</source>
      <translation>Oculta</translation>
    </message>
    <message>
      <source>Hidden at</source>
      <translation>Ocultada el</translation>
    </message>
    <message>
      <source>Hidden {when}: {reason}</source>
      <translation>Oculta el {when}: {reason}</translation>
    </message>
    <message>
      <source>Hide review</source>
      <translation>Ocultar reseña</translation>
    </message>
    <message>
      <source>Hide {student}'s review of {teacher} ({stars} of 5)? Students will no longer see it and it will not count in the rating. The reason is recorded in the audit trail and sent to its author.</source>
      <translation>¿Ocultar la reseña de {student} sobre {teacher} ({stars} de 5)? Los estudiantes ya no la verán y no contará en la valoración. El motivo queda en el registro de auditoría y se envía a su autor.</translation>
    </message>
    <message>
      <source>Hide…</source>
      <translation>Ocultar…</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Historial</translation>
    </message>
    <message>
      <source>Hourly rate</source>
      <translation>Precio por hora</translation>
    </message>
    <message>
      <source>Hourly rate: {error}</source>
      <translation>Precio por hora: {error}</translation>
    </message>
    <message>
      <source>How was “{gig}” with {teacher} on {when}? Other students see your rating, your review and your first name.</source>
      <translation>¿Qué tal fue «{gig}» con {teacher} el {when}? Los demás estudiantes ven tu valoración, tu reseña y tu nombre.</translation>
    </message>
    <message>
      <source>I am a</source>
      <translation>Soy</translation>
    </message>
    <message>
      <source>If an account uses {email}, a code is on its way to it. Enter it below within 15 minutes with your new password.</source>
      <translation>Si hay una cuenta con {email}, le hemos enviado un código. Escríbelo abajo antes de 15 minutos junto con tu nueva contraseña.</translation>
    </message>
    <message>
      <source>If you did not ask for this, ignore this e-mail: nothing changes.</source>
      <translation>Si no lo has pedido tú, ignora este correo: no cambia nada.</translation>
    </message>
    <message>
      <source>If you did not ask for this, ignore this e-mail: your password stays the same.</source>
      <translation>Si no lo has pedido tú, ignora este correo: tu contraseña no cambia.</translation>
    </message>
    <message>
      <source>If your browser did not open, copy this address into it:</source>
      <translation>Si tu navegador no se abrió, copia en él esta dirección:</translation>
    </message>
    <message>
      <source>Images</source>
      <translation>Imágenes</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>En curso</translation>
    </message>
    <message>
      <source>In-app</source>
      <translation>En la aplicación</translation>
    </message>
    <message>
      <source>Inactive</source>
      <translation>Inactivo</translation>
    </message>
    <message>
      <source>Inbox</source>
      <translation>Bandeja de entrada</translation>
    </message>
    <message>
      <source>Internal reason</source>
      <translation>Motivo interno</translation>
    </message>
    <message>
      <source>internal reason</source>
      <translation>motivo interno</translation>
    </message>
    <message>
      <source>Internal reason (required): admins and the audit trail only, never the student</source>
      <translation>Motivo interno (obligatorio): solo para administradores y el registro de auditoría, nunca para el estudiante</translation>
    </message>
    <message>
      <source>internal: “{reason}”</source>
      <translation>interno: “{reason}”</translation>
    </message>
    <message>
      <source>Invalid input</source>
      <translation>Dato no válido</translation>
    </message>
    <message>
      <source>Invite saved to {path}. Open it to add the session to your calendar.</source>
      <translation>Invitación guardada en {path}. Ábrela para añadir la clase a tu calendario.</translation>
    </message>
    <message>
      <source>It starts more than 24 hours from now: you get a full refund automatically.</source>
      <translation>Empieza dentro de más de 24 horas: recibes un reembolso completo automáticamente.</translation>
    </message>
    <message>
      <source>It starts within 24 hours, so the cancellation must be requested: the teacher or LinguaFlex answers it and decides whether you get a full, partial or no refund.</source>
      <translation>Empieza dentro de menos de 24 horas, así que debes solicitar la cancelación: el profesor o LinguaFlex la responde y decide si recibes un reembolso completo, parcial o ninguno.</translation>
    </message>
    <message>
      <source>It still differs: {what} (here {ours}, at Stripe {stripe}); check the payment in the Stripe Dashboard.</source>
      <translation>Sigue habiendo diferencias: {what} (aquí {ours}, en Stripe {stripe}); revisa el pago en el Dashboard de Stripe.</translation>
    </message>
    <message>
      <source>item</source>
      <translation>elemento</translation>
    </message>
    <message>
      <source>items</source>
      <translation>elementos</translation>
    </message>
    <message>
      <source>its amount differs</source>
      <translation>su importe no coincide</translation>
    </message>
    <message>
      <source>its currency differs</source>
      <translation>su moneda no coincide</translation>
    </message>
    <message>
      <source>Its payment deadline has passed, yet it is still confirmed and awaiting payment.</source>
      <translation>Su plazo de pago ha vencido, pero sigue confirmada y pendiente de pago.</translation>
    </message>
    <message>
      <source>its status differs</source>
      <translation>su estado no coincide</translation>
    </message>
    <message>
      <source>Jan</source>
      <translation>ene</translation>
    </message>
    <message>
      <source>Jitsi address</source>
      <translation>Dirección de Jitsi</translation>
    </message>
    <message>
      <source>jitsi base url</source>
      <translation>dirección base de Jitsi</translation>
    </message>
    <message>
      <source>Job</source>
      <translation>Tarea</translation>
    </message>
    <message>
      <source>job</source>
      <translation>tarea</translation>
    </message>
    <message>
      <source>Job #{id} ({kind}) is queued again with fresh attempts; the worker runs it shortly.</source>
      <translation>La tarea #{id} ({kind}) vuelve a estar en cola con intentos nuevos; se ejecutará en breve.</translation>
    </message>
    <message>
      <source>Job #{id} · {kind} · {state} · {attempts} of {max} attempts</source>
      <translation>Tarea #{id} · {kind} · {state} · {attempts} de {max} intentos</translation>
    </message>
    <message>
      <source>Job #{number} is queued again with fresh attempts.</source>
      <translation>La tarea #{number} vuelve a estar en cola con intentos nuevos.</translation>
    </message>
    <message>
      <source>Job “{what}”: {state}</source>
      <translation>Tarea «{what}»: {state}</translation>
    </message>
    <message>
      <source>Jobs</source>
      <translation>Tareas</translation>
    </message>
    <message>
      <source>jobs</source>
      <translation>tareas</translation>
    </message>
    <message>
      <source>Jobs ({count} dead)</source>
      <translation>Tareas ({count} fallidas)</translation>
    </message>
    <message>
      <source>Join link</source>
      <translation>Enlace para unirse</translation>
    </message>
    <message>
      <source>Join session</source>
      <translation>Unirse a la clase</translation>
    </message>
    <message>
      <source>Join: {url}</source>
      <translation>Unirse: {url}</translation>
    </message>
    <message>
      <source>Joined</source>
      <translation>Alta</translation>
    </message>
    <message>
      <source>Jul</source>
      <translation>jul</translation>
    </message>
    <message>
      <source>Jun</source>
      <translation>jun</translation>
    </message>
    <message>
      <source>Keep booking</source>
      <translation>Mantener la reserva</translation>
    </message>
    <message>
      <source>kept by the platform ({amount})</source>
      <translation>se la queda la plataforma ({amount})</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Idioma</translation>
    </message>
    <message>
      <source>Language lessons with teachers you choose</source>
      <translation>Clases de idiomas con los profesores que tú eliges</translation>
    </message>
    <message>
      <source>Languages I speak</source>
      <translation>Idiomas que hablo</translation>
    </message>
    <message>
      <source>Languages must be given as a list of languages with levels.</source>
      <translation>Los idiomas deben indicarse como una lista de idiomas con niveles.</translation>
    </message>
    <message>
      <source>Languages must be given as a list of names.</source>
      <translation>Los idiomas deben indicarse como una lista de nombres.</translation>
    </message>
    <message>
      <source>Last 3 months</source>
      <translation>Últimos 3 meses</translation>
    </message>
    <message>
      <source>Last 30 days</source>
      <translation>Últimos 30 días</translation>
    </message>
    <message>
      <source>Last 365 days</source>
      <translation>Últimos 365 días</translation>
    </message>
    <message>
      <source>Last 7 days</source>
      <translation>Últimos 7 días</translation>
    </message>
    <message>
      <source>Last attempt</source>
      <translation>Último intento</translation>
    </message>
    <message>
      <source>last day</source>
      <translation>último día</translation>
    </message>
    <message>
      <source>Last error</source>
      <translation>Último error</translation>
    </message>
    <message>
      <source>Last month</source>
      <translation>El mes pasado</translation>
    </message>
    <message>
      <source>Last read</source>
      <translation>Última lectura</translation>
    </message>
    <message>
      <source>Last year</source>
      <translation>El año pasado</translation>
    </message>
    <message>
      <source>Left to refund after</source>
      <translation>Queda por reembolsar</translation>
    </message>
    <message>
      <source>Length</source>
      <translation>Duración</translation>
    </message>
    <message>
      <source>Length</source>
      <comment>text</comment>
      <translation>Longitud</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Nivel</translation>
    </message>
    <message>
      <source>LinguaFlex cannot keep secrets (keys and passwords) on this computer: no secure password store (such as the system keychain or credential manager) is available. Set them in the environment instead (STRIPE_SECRET_KEY, ZOOM_CLIENT_SECRET, SMTP_PASSWORD).</source>
      <translation>LinguaFlex no puede guardar secretos (claves y contraseñas) en este ordenador: no hay ningún almacén de contraseñas seguro disponible (como el llavero del sistema o el administrador de credenciales). Defínelos en el entorno en su lugar (STRIPE_SECRET_KEY, ZOOM_CLIENT_SECRET, SMTP_PASSWORD).</translation>
    </message>
    <message>
      <source>LinguaFlex cannot keep secrets (keys and passwords) on this computer: the only password store available keeps secrets in a plain file. Set them in the environment instead (STRIPE_SECRET_KEY, ZOOM_CLIENT_SECRET, SMTP_PASSWORD).</source>
      <translation>LinguaFlex no puede guardar secretos (claves y contraseñas) en este ordenador: el único almacén de contraseñas disponible guarda los secretos en un archivo sin cifrar. Defínelos en el entorno en su lugar (STRIPE_SECRET_KEY, ZOOM_CLIENT_SECRET, SMTP_PASSWORD).</translation>
    </message>
    <message>
      <source>LinguaFlex cannot keep secrets (keys and passwords) on this computer: the password store refused to delete it ({error}).</source>
      <translation>LinguaFlex no puede guardar secretos (claves y contraseñas) en este ordenador: el almacén de contraseñas se negó a borrarlo ({error}).</translation>
    </message>
    <message>
      <source>LinguaFlex cannot keep secrets (keys and passwords) on this computer: the password store refused to save it ({error}).</source>
      <translation>LinguaFlex no puede guardar secretos (claves y contraseñas) en este ordenador: el almacén de contraseñas se negó a guardarlo ({error}).</translation>
    </message>
    <message>
      <source>LinguaFlex cannot remember your sign-in on this computer: no secure password store (such as the system keychain or credential manager) is available.</source>
      <translation>LinguaFlex no puede recordar tu inicio de sesión en este ordenador: no hay ningún almacén de contraseñas seguro disponible (como el llavero del sistema o el administrador de credenciales).</translation>
    </message>
    <message>
      <source>LinguaFlex cannot remember your sign-in on this computer: the only password store available keeps secrets in a plain file.</source>
      <translation>LinguaFlex no puede recordar tu inicio de sesión en este ordenador: el único almacén de contraseñas disponible guarda los secretos en un archivo sin cifrar.</translation>
    </message>
    <message>
      <source>LinguaFlex cannot remember your sign-in on this computer: the password store refused to save it ({error}).</source>
      <translation>LinguaFlex no puede recordar tu inicio de sesión en este ordenador: el almacén de contraseñas se negó a guardarlo ({error}).</translation>
    </message>
    <message>
      <source>LinguaFlex writes in English (en) or Spanish (es), not {code}.</source>
      <translation>LinguaFlex escribe en inglés (en) o en español (es), no en {code}.</translation>
    </message>
    <message>
      <source>Link copied</source>
      <translation>Enlace copiado</translation>
    </message>
    <message>
      <source>Link:</source>
      <translation>Enlace:</translation>
    </message>
    <message>
      <source>List at most {n} languages.</source>
      <translation>Indica como máximo {n} idiomas.</translation>
    </message>
    <message>
      <source>List the payment's refunds at Stripe again and record ours when it can be told.</source>
      <translation>Vuelve a consultar los reembolsos del pago en Stripe y registra el nuestro cuando se pueda identificar.</translation>
    </message>
    <message>
      <source>Load demo data</source>
      <translation>Cargar datos de demostración</translation>
    </message>
    <message>
      <source>Loading bookings…</source>
      <translation>Cargando reservas…</translation>
    </message>
    <message>
      <source>Loading booking…</source>
      <translation>Cargando la reserva…</translation>
    </message>
    <message>
      <source>Loading free times…</source>
      <translation>Cargando horas libres…</translation>
    </message>
    <message>
      <source>Loading gigs…</source>
      <translation>Cargando ofertas…</translation>
    </message>
    <message>
      <source>Loading jobs…</source>
      <translation>Cargando tareas…</translation>
    </message>
    <message>
      <source>Loading messages…</source>
      <translation>Cargando mensajes…</translation>
    </message>
    <message>
      <source>Loading payments…</source>
      <translation>Cargando pagos…</translation>
    </message>
    <message>
      <source>Loading payouts…</source>
      <translation>Cargando los pagos al profesor…</translation>
    </message>
    <message>
      <source>Loading the audit trail…</source>
      <translation>Cargando el registro de auditoría…</translation>
    </message>
    <message>
      <source>Loading the revenue report…</source>
      <translation>Cargando el informe de ingresos…</translation>
    </message>
    <message>
      <source>Loading the statement…</source>
      <translation>Cargando el extracto…</translation>
    </message>
    <message>
      <source>Loading the timeline…</source>
      <translation>Cargando la cronología…</translation>
    </message>
    <message>
      <source>Loading users…</source>
      <translation>Cargando usuarios…</translation>
    </message>
    <message>
      <source>Loading your cards…</source>
      <translation>Cargando tus tarjetas…</translation>
    </message>
    <message>
      <source>Loading your earnings…</source>
      <translation>Cargando tus ingresos…</translation>
    </message>
    <message>
      <source>Loading your gigs…</source>
      <translation>Cargando tus ofertas…</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Cargando…</translation>
    </message>
    <message>
      <source>Looking up your payment…</source>
      <translation>Buscando tu pago…</translation>
    </message>
    <message>
      <source>Make default</source>
      <translation>Hacer predeterminada</translation>
    </message>
    <message>
      <source>Mar</source>
      <translation>mar</translation>
    </message>
    <message>
      <source>Mark completed</source>
      <translation>Marcar como completada</translation>
    </message>
    <message>
      <source>Mark paid out</source>
      <translation>Marcar como pagado</translation>
    </message>
    <message>
      <source>Mark paid out…</source>
      <translation>Marcar como pagado…</translation>
    </message>
    <message>
      <source>Marked completed: {gig} with {name}.</source>
      <translation>Marcada como completada: {gig} con {name}.</translation>
    </message>
    <message>
      <source>Max</source>
      <translation>Máx.</translation>
    </message>
    <message>
      <source>Max {currency} / h</source>
      <translation>Máx. {currency} / h</translation>
    </message>
    <message>
      <source>May</source>
      <translation>may</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation>Reunión</translation>
    </message>
    <message>
      <source>Meeting cancelled</source>
      <translation>Reunión cancelada</translation>
    </message>
    <message>
      <source>Meeting cancelled with the booking.</source>
      <translation>Reunión cancelada junto con la reserva.</translation>
    </message>
    <message>
      <source>Meeting could not be created</source>
      <translation>No se pudo crear la reunión</translation>
    </message>
    <message>
      <source>Meeting created</source>
      <translation>Reunión creada</translation>
    </message>
    <message>
      <source>Meeting deleted</source>
      <translation>Reunión eliminada</translation>
    </message>
    <message>
      <source>Meeting failed</source>
      <translation>La reunión falló</translation>
    </message>
    <message>
      <source>Meeting failed: unknown reason</source>
      <translation>La reunión falló: motivo desconocido</translation>
    </message>
    <message>
      <source>Meeting failed: {reason}</source>
      <translation>La reunión falló: {reason}</translation>
    </message>
    <message>
      <source>Meeting id</source>
      <translation>ID de la reunión</translation>
    </message>
    <message>
      <source>Meeting link</source>
      <translation>Enlace de la reunión</translation>
    </message>
    <message>
      <source>meeting link</source>
      <translation>enlace de la reunión</translation>
    </message>
    <message>
      <source>Meeting link for your session with {other}</source>
      <translation>Enlace de la reunión para tu clase con {other}</translation>
    </message>
    <message>
      <source>Meeting link: {url}</source>
      <translation>Enlace de la reunión: {url}</translation>
    </message>
    <message>
      <source>Meeting moved</source>
      <translation>Reunión movida</translation>
    </message>
    <message>
      <source>Meeting pending</source>
      <translation>Reunión pendiente</translation>
    </message>
    <message>
      <source>Meeting pending: {reason}</source>
      <translation>Reunión pendiente: {reason}</translation>
    </message>
    <message>
      <source>Meeting ready</source>
      <translation>Reunión lista</translation>
    </message>
    <message>
      <source>Meeting ready · {provider}</source>
      <translation>Reunión lista · {provider}</translation>
    </message>
    <message>
      <source>Meeting ready: Join / Start opens it in the browser.</source>
      <translation>Reunión lista: Unirse / Iniciar la abre en el navegador.</translation>
    </message>
    <message>
      <source>Meeting set-up started</source>
      <translation>Preparación de la reunión iniciada</translation>
    </message>
    <message>
      <source>Meeting still pending</source>
      <translation>Reunión aún pendiente</translation>
    </message>
    <message>
      <source>Meetings</source>
      <translation>Reuniones</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Mensaje</translation>
    </message>
    <message>
      <source>message</source>
      <translation>mensaje</translation>
    </message>
    <message>
      <source>Message from {author} to {recipient}</source>
      <translation>Mensaje de {author} para {recipient}</translation>
    </message>
    <message>
      <source>Message to the student</source>
      <translation>Mensaje al estudiante</translation>
    </message>
    <message>
      <source>message to the student</source>
      <translation>mensaje al estudiante</translation>
    </message>
    <message>
      <source>Message to the student (optional): shown on their booking, receipt and notification. Left empty, they read “{default}”.</source>
      <translation>Mensaje al estudiante (opcional): se muestra en su reserva, su recibo y su aviso. Si lo dejas vacío, leerá “{default}”.</translation>
    </message>
    <message>
      <source>Message to {recipient}: “{subject}”</source>
      <translation>Mensaje para {recipient}: «{subject}»</translation>
    </message>
    <message>
      <source>Messages</source>
      <translation>Mensajes</translation>
    </message>
    <message>
      <source>messages</source>
      <translation>mensajes</translation>
    </message>
    <message>
      <source>Messages ({count})</source>
      <translation>Mensajes ({count})</translation>
    </message>
    <message>
      <source>Min</source>
      <translation>Mín.</translation>
    </message>
    <message>
      <source>Min {currency} / h</source>
      <translation>Mín. {currency} / h</translation>
    </message>
    <message>
      <source>Mismatch</source>
      <translation>No coincide</translation>
    </message>
    <message>
      <source>Mon</source>
      <translation>lun</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Mes</translation>
    </message>
    <message>
      <source>Move the meeting</source>
      <translation>Mover la reunión</translation>
    </message>
    <message>
      <source>Must choose a new password</source>
      <translation>Debe elegir una contraseña nueva</translation>
    </message>
    <message>
      <source>My bookings</source>
      <translation>Mis reservas</translation>
    </message>
    <message>
      <source>My gigs</source>
      <translation>Mis ofertas</translation>
    </message>
    <message>
      <source>My profile</source>
      <translation>Mi perfil</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nombre</translation>
    </message>
    <message>
      <source>Name shown to others</source>
      <translation>Nombre que ven los demás</translation>
    </message>
    <message>
      <source>native</source>
      <translation>nativo</translation>
    </message>
    <message>
      <source>needs action</source>
      <translation>requiere acción</translation>
    </message>
    <message>
      <source>Needs action at Stripe</source>
      <translation>Requiere acción en Stripe</translation>
    </message>
    <message>
      <source>Needs attention</source>
      <translation>Requiere atención</translation>
    </message>
    <message>
      <source>Needs attention ({count})</source>
      <translation>Requiere atención ({count})</translation>
    </message>
    <message>
      <source>Needs-attention fix run</source>
      <translation>Corrección de «requiere atención» ejecutada</translation>
    </message>
    <message>
      <source>Net (ours)</source>
      <translation>Neto (nuestro)</translation>
    </message>
    <message>
      <source>Net (Stripe)</source>
      <translation>Neto (Stripe)</translation>
    </message>
    <message>
      <source>Net revenue</source>
      <translation>Ingresos netos</translation>
    </message>
    <message>
      <source>never</source>
      <translation>nunca</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Nuevo</translation>
    </message>
    <message>
      <source>New address</source>
      <translation>Dirección nueva</translation>
    </message>
    <message>
      <source>New gig</source>
      <translation>Nueva oferta</translation>
    </message>
    <message>
      <source>New gig…</source>
      <translation>Nueva oferta…</translation>
    </message>
    <message>
      <source>New message from {name}</source>
      <translation>Nuevo mensaje de {name}</translation>
    </message>
    <message>
      <source>New password</source>
      <translation>Contraseña nueva</translation>
    </message>
    <message>
      <source>New session request from {other}</source>
      <translation>Nueva solicitud de clase de {other}</translation>
    </message>
    <message>
      <source>New start</source>
      <translation>Nuevo inicio</translation>
    </message>
    <message>
      <source>new time</source>
      <translation>nueva hora</translation>
    </message>
    <message>
      <source>New time declined</source>
      <translation>Nueva hora rechazada</translation>
    </message>
    <message>
      <source>New time proposed</source>
      <translation>Nueva hora propuesta</translation>
    </message>
    <message>
      <source>New time proposed. The booking moves when the other party accepts it.</source>
      <translation>Nueva hora propuesta. La reserva cambia cuando la otra parte la acepte.</translation>
    </message>
    <message>
      <source>New time: {time}</source>
      <translation>Nueva hora: {time}</translation>
    </message>
    <message>
      <source>new@example.com</source>
      <translation>nuevo@ejemplo.com</translation>
    </message>
    <message>
      <source>Newest</source>
      <translation>Más recientes</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>Siguiente</translation>
    </message>
    <message>
      <source>Next attempt</source>
      <translation>Próximo intento</translation>
    </message>
    <message>
      <source>Next week →</source>
      <translation>Semana siguiente →</translation>
    </message>
    <message>
      <source>Next →</source>
      <translation>Siguiente →</translation>
    </message>
    <message>
      <source>No</source>
      <translation>No</translation>
    </message>
    <message>
      <source>No audit events match these filters.</source>
      <translation>Ningún evento de auditoría cumple estos filtros.</translation>
    </message>
    <message>
      <source>No background jobs yet.</source>
      <translation>Todavía no hay tareas en segundo plano.</translation>
    </message>
    <message>
      <source>No bookings here yet.
Find a teacher and book a session.</source>
      <translation>Aún no hay reservas aquí.
Busca un profesor y reserva una clase.</translation>
    </message>
    <message>
      <source>No bookings match these filters.</source>
      <translation>Ninguna reserva cumple estos filtros.</translation>
    </message>
    <message>
      <source>No change of e-mail address is waiting for a code.</source>
      <translation>No hay ningún cambio de correo electrónico esperando un código.</translation>
    </message>
    <message>
      <source>No days off planned.</source>
      <translation>No hay días libres previstos.</translation>
    </message>
    <message>
      <source>No dead letters.</source>
      <translation>No hay tareas fallidas.</translation>
    </message>
    <message>
      <source>No dead letters. Every job either ran or is still being tried.</source>
      <translation>No hay tareas fallidas. Cada tarea se ha ejecutado o aún se está intentando.</translation>
    </message>
    <message>
      <source>No differences.</source>
      <translation>Sin diferencias.</translation>
    </message>
    <message>
      <source>No earnings and no payouts up to the end of this period.</source>
      <translation>Sin ingresos ni pagos al profesor hasta el final de este periodo.</translation>
    </message>
    <message>
      <source>no error recorded</source>
      <translation>no se registró ningún error</translation>
    </message>
    <message>
      <source>No error recorded.</source>
      <translation>No hay ningún error registrado.</translation>
    </message>
    <message>
      <source>No events</source>
      <translation>Ningún evento</translation>
    </message>
    <message>
      <source>No free times this week. Try the next week.</source>
      <translation>No hay horas libres esta semana. Prueba la semana siguiente.</translation>
    </message>
    <message>
      <source>No gigs match your search. Try fewer filters.</source>
      <translation>Ninguna oferta coincide con tu búsqueda. Prueba con menos filtros.</translation>
    </message>
    <message>
      <source>No gigs on the platform yet.</source>
      <translation>Todavía no hay ofertas en la plataforma.</translation>
    </message>
    <message>
      <source>No jobs in this state.</source>
      <translation>No hay tareas en este estado.</translation>
    </message>
    <message>
      <source>No meeting (not paid)</source>
      <translation>Sin reunión (sin pagar)</translation>
    </message>
    <message>
      <source>No meeting for this booking.</source>
      <translation>Esta reserva no tiene reunión.</translation>
    </message>
    <message>
      <source>No meeting yet</source>
      <translation>Aún no hay reunión</translation>
    </message>
    <message>
      <source>No messages yet.
Booking updates, meeting links and reminders arrive here.</source>
      <translation>Aún no hay mensajes.
Aquí llegan las novedades de tus reservas, los enlaces de reunión y los recordatorios.</translation>
    </message>
    <message>
      <source>No messages yet. Write to agree on goals, materials or questions before the session.</source>
      <translation>Aún no hay mensajes. Escribe para acordar objetivos, materiales o dudas antes de la clase.</translation>
    </message>
    <message>
      <source>No new requests on these days; existing bookings stay.</source>
      <translation>Estos días no llegan solicitudes nuevas; las reservas existentes se mantienen.</translation>
    </message>
    <message>
      <source>No paid sessions</source>
      <translation>Sin clases pagadas</translation>
    </message>
    <message>
      <source>No paid sessions in this period.</source>
      <translation>No hay clases pagadas en este periodo.</translation>
    </message>
    <message>
      <source>No paid sessions yet.
Sessions appear here once the student has paid.</source>
      <translation>Aún no hay clases pagadas.
Las clases aparecen aquí cuando el estudiante ha pagado.</translation>
    </message>
    <message>
      <source>No payment of this booking is waiting; you can pay it again if it is unpaid.</source>
      <translation>No hay ningún pago de esta reserva en espera; puedes volver a pagarla si está sin pagar.</translation>
    </message>
    <message>
      <source>No payments</source>
      <translation>Sin pagos</translation>
    </message>
    <message>
      <source>No payments match the filters.</source>
      <translation>Ningún pago cumple los filtros.</translation>
    </message>
    <message>
      <source>No payments succeeded in this period.</source>
      <translation>Ningún pago se completó en este periodo.</translation>
    </message>
    <message>
      <source>No payouts in this period.</source>
      <translation>No hay pagos al profesor en este periodo.</translation>
    </message>
    <message>
      <source>No payouts recorded.</source>
      <translation>No hay pagos al profesor registrados.</translation>
    </message>
    <message>
      <source>No refund</source>
      <translation>Sin reembolso</translation>
    </message>
    <message>
      <source>No refund was granted. The session stays booked: you may still attend it.</source>
      <translation>No se ha concedido ningún reembolso. La clase sigue reservada: aún puedes asistir.</translation>
    </message>
    <message>
      <source>No refund: the session stays booked</source>
      <translation>Sin reembolso: la clase sigue reservada</translation>
    </message>
    <message>
      <source>No requests are waiting for you.</source>
      <translation>No tienes solicitudes pendientes.</translation>
    </message>
    <message>
      <source>No reviews yet</source>
      <translation>Aún no hay reseñas</translation>
    </message>
    <message>
      <source>No reviews yet.</source>
      <translation>Aún no hay reseñas.</translation>
    </message>
    <message>
      <source>No saved cards yet.
Add a card to pay for your confirmed bookings.</source>
      <translation>Aún no tienes tarjetas guardadas.
Añade una tarjeta para pagar tus reservas confirmadas.</translation>
    </message>
    <message>
      <source>No secure keyring: cannot be stored</source>
      <translation>No hay llavero seguro: no se puede guardar</translation>
    </message>
    <message>
      <source>No secure storage</source>
      <translation>No hay almacenamiento seguro</translation>
    </message>
    <message>
      <source>No sessions this week.</source>
      <translation>No hay clases esta semana.</translation>
    </message>
    <message>
      <source>No successful payment was found for this booking.</source>
      <translation>No se encontró ningún pago completado para esta reserva.</translation>
    </message>
    <message>
      <source>No such teacher.</source>
      <translation>Ese profesor no existe.</translation>
    </message>
    <message>
      <source>No such user.</source>
      <translation>Ese usuario no existe.</translation>
    </message>
    <message>
      <source>No teacher is free then in the next two weeks. Try other times.</source>
      <translation>Ningún profesor está libre a esa hora en las próximas dos semanas. Prueba otros horarios.</translation>
    </message>
    <message>
      <source>No upcoming income: no paid session ahead in this period.</source>
      <translation>Sin ingresos próximos: no hay clases pagadas por delante en este periodo.</translation>
    </message>
    <message>
      <source>No users match the filter.</source>
      <translation>Ningún usuario cumple el filtro.</translation>
    </message>
    <message>
      <source>No {noun}</source>
      <translation>Sin {noun}</translation>
    </message>
    <message>
      <source>none given</source>
      <translation>no se indicó</translation>
    </message>
    <message>
      <source>none yet</source>
      <translation>ninguna todavía</translation>
    </message>
    <message>
      <source>Not a LinguaFlex Jitsi room: {room}.</source>
      <translation>No es una sala de Jitsi de LinguaFlex: {room}.</translation>
    </message>
    <message>
      <source>Not allowed</source>
      <translation>No permitido</translation>
    </message>
    <message>
      <source>Not available: {reason}</source>
      <translation>No disponible: {reason}</translation>
    </message>
    <message>
      <source>Not found</source>
      <translation>No encontrado</translation>
    </message>
    <message>
      <source>Not possible now</source>
      <translation>No es posible ahora</translation>
    </message>
    <message>
      <source>not read yet</source>
      <translation>aún sin leer</translation>
    </message>
    <message>
      <source>not recorded</source>
      <translation>no registrado</translation>
    </message>
    <message>
      <source>not sent</source>
      <translation>no enviado</translation>
    </message>
    <message>
      <source>not sent by e-mail (in-app only)</source>
      <translation>no enviado por correo (solo en la aplicación)</translation>
    </message>
    <message>
      <source>not sent: its job is dead-lettered</source>
      <translation>no enviado: su tarea se abandonó</translation>
    </message>
    <message>
      <source>Not set</source>
      <translation>Sin definir</translation>
    </message>
    <message>
      <source>Not stored</source>
      <translation>No guardada</translation>
    </message>
    <message>
      <source>not yet answered by Stripe</source>
      <translation>aún sin respuesta de Stripe</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>note</source>
      <translation>nota</translation>
    </message>
    <message>
      <source>Note (optional)</source>
      <translation>Nota (opcional)</translation>
    </message>
    <message>
      <source>Note (optional; recorded in the audit trail)</source>
      <translation>Nota (opcional; queda en el registro de auditoría)</translation>
    </message>
    <message>
      <source>Note to the student (optional; they read it)</source>
      <translation>Nota para el estudiante (opcional; la leerá)</translation>
    </message>
    <message>
      <source>Note: {note}</source>
      <translation>Nota: {note}</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>nada</translation>
    </message>
    <message>
      <source>Nothing has been paid for this booking, so nothing is refunded.</source>
      <translation>No se ha pagado nada por esta reserva, así que no se reembolsa nada.</translation>
    </message>
    <message>
      <source>Nothing has happened to this booking yet.</source>
      <translation>Todavía no ha pasado nada con esta reserva.</translation>
    </message>
    <message>
      <source>Nothing is left to refund on this booking.</source>
      <translation>No queda nada por reembolsar en esta reserva.</translation>
    </message>
    <message>
      <source>Nothing needs attention: every booking, payment and job is where it should be.</source>
      <translation>Nada requiere atención: cada reserva, pago y tarea está como debe estar.</translation>
    </message>
    <message>
      <source>Nothing was compared.</source>
      <translation>No se comparó nada.</translation>
    </message>
    <message>
      <source>Nov</source>
      <translation>nov</translation>
    </message>
    <message>
      <source>Now: {time} · {length}.
{name} will be asked to accept the new time; until then the booking keeps its current time.</source>
      <translation>Ahora: {time} · {length}.
Se pedirá a {name} que acepte la nueva hora; hasta entonces la reserva mantiene su hora actual.</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Número</translation>
    </message>
    <message>
      <source>number of stars</source>
      <translation>número de estrellas</translation>
    </message>
    <message>
      <source>Oct</source>
      <translation>oct</translation>
    </message>
    <message>
      <source>Online session</source>
      <translation>Clase en línea</translation>
    </message>
    <message>
      <source>Only a confirmed booking can be cancelled; this one is {status}.</source>
      <translation>Solo se puede cancelar una reserva confirmada; esta está {status}.</translation>
    </message>
    <message>
      <source>Only a confirmed or completed booking can be refunded.</source>
      <translation>Solo se puede reembolsar una reserva confirmada o completada.</translation>
    </message>
    <message>
      <source>Only a confirmed, paid session can be asked to be cancelled.</source>
      <translation>Solo se puede pedir la cancelación de una clase confirmada y pagada.</translation>
    </message>
    <message>
      <source>Only a confirmed, paid session can be marked completed.</source>
      <translation>Solo una clase confirmada y pagada se puede marcar como completada.</translation>
    </message>
    <message>
      <source>Only a confirmed, paid session that has not taken place can be cancelled this way.</source>
      <translation>Solo se puede cancelar así una clase confirmada y pagada que aún no se haya celebrado.</translation>
    </message>
    <message>
      <source>Only a dead job can be retried; job #{job_id} is {state}.</source>
      <translation>Solo se puede reintentar una tarea fallida definitivamente; la tarea n.º {job_id} está en estado {state}.</translation>
    </message>
    <message>
      <source>Only a paid booking can be refunded.</source>
      <translation>Solo se puede reembolsar una reserva pagada.</translation>
    </message>
    <message>
      <source>Only a partial refund takes an amount.</source>
      <translation>Solo un reembolso parcial lleva un importe.</translation>
    </message>
    <message>
      <source>Only a waiting request can be declined; this booking is {status}.</source>
      <translation>Solo se puede rechazar una solicitud pendiente; esta reserva está {status}.</translation>
    </message>
    <message>
      <source>Only students can request sessions.</source>
      <translation>Solo los estudiantes pueden solicitar clases.</translation>
    </message>
    <message>
      <source>Only the reviewed teacher can answer this review.</source>
      <translation>Solo el profesor reseñado puede responder a esta reseña.</translation>
    </message>
    <message>
      <source>Only the student and the teacher join the session.</source>
      <translation>Solo el estudiante y el profesor se unen a la clase.</translation>
    </message>
    <message>
      <source>Only the student and the teacher of this booking can join.</source>
      <translation>Solo el estudiante y el profesor de esta reserva pueden unirse.</translation>
    </message>
    <message>
      <source>Only the student and the teacher of this booking can reschedule it.</source>
      <translation>Solo el estudiante y el profesor de esta reserva pueden cambiarle la hora.</translation>
    </message>
    <message>
      <source>Only the student of this session can rate it.</source>
      <translation>Solo el estudiante de esta clase puede valorarla.</translation>
    </message>
    <message>
      <source>Only the student who booked can ask to cancel it.</source>
      <translation>Solo el estudiante que hizo la reserva puede pedir cancelarla.</translation>
    </message>
    <message>
      <source>Only the student who booked can cancel it this way.</source>
      <translation>Solo el estudiante que hizo la reserva puede cancelarla así.</translation>
    </message>
    <message>
      <source>Only the student who booked can pay this booking.</source>
      <translation>Solo el estudiante que hizo la reserva puede pagarla.</translation>
    </message>
    <message>
      <source>Only the student who booked, or an admin, can cancel a booking.</source>
      <translation>Solo el estudiante que reservó, o un administrador, puede cancelar una reserva.</translation>
    </message>
    <message>
      <source>Only the teacher of this booking can cancel it.</source>
      <translation>Solo el profesor de esta reserva puede cancelarla.</translation>
    </message>
    <message>
      <source>Only the teacher of this booking can do that.</source>
      <translation>Solo el profesor de esta reserva puede hacer eso.</translation>
    </message>
    <message>
      <source>Only the teacher of this booking can start its meeting.</source>
      <translation>Solo el profesor de esta reserva puede iniciar su reunión.</translation>
    </message>
    <message>
      <source>Only the teacher of this booking or an admin can answer.</source>
      <translation>Solo el profesor de esta reserva o un administrador pueden responder.</translation>
    </message>
    <message>
      <source>Open booking</source>
      <translation>Abrir reserva</translation>
    </message>
    <message>
      <source>Open Cancellation requests in LinguaFlex to answer: a full, partial or no refund.</source>
      <translation>Abre Solicitudes de cancelación en LinguaFlex para responder: reembolso completo, parcial o ninguno.</translation>
    </message>
    <message>
      <source>Open LinguaFlex and choose Pay on the booking.</source>
      <translation>Abre LinguaFlex y elige Pagar en la reserva.</translation>
    </message>
    <message>
      <source>Open LinguaFlex to confirm or decline it.</source>
      <translation>Abre LinguaFlex para confirmarla o rechazarla.</translation>
    </message>
    <message>
      <source>Open requests only</source>
      <translation>Solo solicitudes abiertas</translation>
    </message>
    <message>
      <source>Open the booking with unread messages.</source>
      <translation>Abrir la reserva con mensajes sin leer.</translation>
    </message>
    <message>
      <source>Open the page again</source>
      <translation>Abrir la página de nuevo</translation>
    </message>
    <message>
      <source>Opening your data…</source>
      <translation>Abriendo tus datos…</translation>
    </message>
    <message>
      <source>Optional: a note for the teacher (goals, level, …)</source>
      <translation>Opcional: una nota para el profesor (objetivos, nivel, …)</translation>
    </message>
    <message>
      <source>Ours</source>
      <translation>Nuestro</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Resultado</translation>
    </message>
    <message>
      <source>Outcome unknown</source>
      <translation>Resultado desconocido</translation>
    </message>
    <message>
      <source>Over time</source>
      <translation>En el tiempo</translation>
    </message>
    <message>
      <source>Owed</source>
      <translation>Adeudado</translation>
    </message>
    <message>
      <source>Owed at the end</source>
      <translation>Adeudado al final</translation>
    </message>
    <message>
      <source>Owed at the end of the period: {amount}</source>
      <translation>Adeudado al final del periodo: {amount}</translation>
    </message>
    <message>
      <source>Pages start at 0 and hold 1 to {n} rows.</source>
      <translation>Las páginas empiezan en 0 y tienen de 1 a {n} filas.</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>Pagado</translation>
    </message>
    <message>
      <source>paid</source>
      <translation>pagada</translation>
    </message>
    <message>
      <source>Paid (ours)</source>
      <translation>Pagado (nuestro)</translation>
    </message>
    <message>
      <source>Paid (Stripe)</source>
      <translation>Pagado (Stripe)</translation>
    </message>
    <message>
      <source>Paid on</source>
      <translation>Pagado el</translation>
    </message>
    <message>
      <source>Paid out</source>
      <translation>Pagado al profesor</translation>
    </message>
    <message>
      <source>Paid over 10 minutes ago, and no meeting is ready yet.</source>
      <translation>Se pagó hace más de 10 minutos y todavía no hay ninguna reunión lista.</translation>
    </message>
    <message>
      <source>Paid over 10 minutes ago, and the meeting is still not ready ({reason}).</source>
      <translation>Se pagó hace más de 10 minutos y la reunión todavía no está lista ({reason}).</translation>
    </message>
    <message>
      <source>Paid over 10 minutes ago, but the meeting could not be made ({reason}).</source>
      <translation>Se pagó hace más de 10 minutos, pero no se pudo crear la reunión ({reason}).</translation>
    </message>
    <message>
      <source>Paid sessions, in your time zone. The platform fee is paid by the student on top of your rate; refunds come out of your share first.</source>
      <translation>Clases pagadas, en tu zona horaria. La comisión de la plataforma la paga el estudiante además de tu precio; los reembolsos salen primero de tu parte.</translation>
    </message>
    <message>
      <source>Paid {paid} · already refunded {refunded}</source>
      <translation>Pagado {paid} · ya reembolsado {refunded}</translation>
    </message>
    <message>
      <source>Paid, no meeting</source>
      <translation>Pagada, sin reunión</translation>
    </message>
    <message>
      <source>Part of it:</source>
      <translation>Una parte:</translation>
    </message>
    <message>
      <source>Partial refund</source>
      <translation>Reembolso parcial</translation>
    </message>
    <message>
      <source>partial refund</source>
      <translation>reembolso parcial</translation>
    </message>
    <message>
      <source>Partial refund (the session stays booked):</source>
      <translation>Reembolso parcial (la clase sigue reservada):</translation>
    </message>
    <message>
      <source>Partial refund of {amount} to {other}</source>
      <translation>Reembolso parcial de {amount} a {other}</translation>
    </message>
    <message>
      <source>Partially refunded</source>
      <translation>Reembolsado en parte</translation>
    </message>
    <message>
      <source>Passcode: {passcode}</source>
      <translation>Código de acceso: {passcode}</translation>
    </message>
    <message>
      <source>Passcode: {password}</source>
      <translation>Código de acceso: {password}</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Contraseña</translation>
    </message>
    <message>
      <source>Password changed</source>
      <translation>Contraseña cambiada</translation>
    </message>
    <message>
      <source>Password reset</source>
      <translation>Contraseña restablecida</translation>
    </message>
    <message>
      <source>Past</source>
      <translation>Pasadas</translation>
    </message>
    <message>
      <source>Pay again</source>
      <translation>Pagar de nuevo</translation>
    </message>
    <message>
      <source>Pay by</source>
      <translation>Fecha límite de pago</translation>
    </message>
    <message>
      <source>Pay for your session</source>
      <translation>Paga tu clase</translation>
    </message>
    <message>
      <source>Pay {amount}</source>
      <translation>Pagar {amount}</translation>
    </message>
    <message>
      <source>Paying with {brand} •••• {last4}.</source>
      <translation>Pagando con {brand} •••• {last4}.</translation>
    </message>
    <message>
      <source>Payload</source>
      <translation>Datos</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>Pago</translation>
    </message>
    <message>
      <source>payment</source>
      <translation>pago</translation>
    </message>
    <message>
      <source>Payment #{number} has waited for Stripe for over 30 minutes (Stripe never answered its start).</source>
      <translation>El pago #{number} lleva más de 30 minutos esperando a Stripe (Stripe nunca respondió a su inicio).</translation>
    </message>
    <message>
      <source>Payment #{number} has waited for Stripe for over 30 minutes.</source>
      <translation>El pago #{number} lleva más de 30 minutos esperando a Stripe.</translation>
    </message>
    <message>
      <source>Payment attempt cancelled</source>
      <translation>Intento de pago cancelado</translation>
    </message>
    <message>
      <source>Payment attempt failed</source>
      <translation>Intento de pago fallido</translation>
    </message>
    <message>
      <source>Payment attempt not created at Stripe</source>
      <translation>Intento de pago no creado en Stripe</translation>
    </message>
    <message>
      <source>Payment attempt started</source>
      <translation>Intento de pago iniciado</translation>
    </message>
    <message>
      <source>Payment declined</source>
      <translation>Pago rechazado</translation>
    </message>
    <message>
      <source>Payment failed</source>
      <translation>Pago fallido</translation>
    </message>
    <message>
      <source>Payment fully refunded</source>
      <translation>Pago reembolsado por completo</translation>
    </message>
    <message>
      <source>Payment in progress</source>
      <translation>Pago en curso</translation>
    </message>
    <message>
      <source>Payment methods</source>
      <translation>Métodos de pago</translation>
    </message>
    <message>
      <source>Payment overdue</source>
      <translation>Pago vencido</translation>
    </message>
    <message>
      <source>payment overdue</source>
      <translation>pago vencido</translation>
    </message>
    <message>
      <source>Payment paid</source>
      <translation>Pago realizado</translation>
    </message>
    <message>
      <source>Payment pending</source>
      <translation>Pago pendiente</translation>
    </message>
    <message>
      <source>Payment pending too long</source>
      <translation>Pago pendiente demasiado tiempo</translation>
    </message>
    <message>
      <source>Payment received.</source>
      <translation>Pago recibido.</translation>
    </message>
    <message>
      <source>Payment received: {amount}.</source>
      <translation>Pago recibido: {amount}.</translation>
    </message>
    <message>
      <source>Payment refunded</source>
      <translation>Pago reembolsado</translation>
    </message>
    <message>
      <source>Payment started</source>
      <translation>Pago iniciado</translation>
    </message>
    <message>
      <source>payment status</source>
      <translation>estado del pago</translation>
    </message>
    <message>
      <source>Payment unknown to Stripe</source>
      <translation>Pago desconocido para Stripe</translation>
    </message>
    <message>
      <source>payment unknown to Stripe</source>
      <translation>pago desconocido para Stripe</translation>
    </message>
    <message>
      <source>Payment went through on a closed booking</source>
      <translation>Se cobró un pago en una reserva cerrada</translation>
    </message>
    <message>
      <source>PaymentIntent</source>
      <translation>PaymentIntent</translation>
    </message>
    <message>
      <source>PaymentIntent read again from Stripe</source>
      <translation>PaymentIntent leído de nuevo de Stripe</translation>
    </message>
    <message>
      <source>Payments</source>
      <translation>Pagos</translation>
    </message>
    <message>
      <source>payments</source>
      <translation>pagos</translation>
    </message>
    <message>
      <source>Payments that succeeded from {first} to {last}</source>
      <translation>Pagos completados del {first} al {last}</translation>
    </message>
    <message>
      <source>Payout</source>
      <translation>Pago al profesor</translation>
    </message>
    <message>
      <source>Payout {reference} recorded.</source>
      <translation>Pago al profesor {reference} registrado.</translation>
    </message>
    <message>
      <source>Payouts</source>
      <translation>Pagos al profesor</translation>
    </message>
    <message>
      <source>Payouts in the period</source>
      <translation>Pagos al profesor en el periodo</translation>
    </message>
    <message>
      <source>Payouts to you</source>
      <translation>Pagos que has recibido</translation>
    </message>
    <message>
      <source>Payouts to {name}</source>
      <translation>Pagos a {name}</translation>
    </message>
    <message>
      <source>Pay…</source>
      <translation>Pagar…</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>Pendiente</translation>
    </message>
    <message>
      <source>pending</source>
      <translation>pendiente</translation>
    </message>
    <message>
      <source>Pending at Stripe</source>
      <translation>Pendiente en Stripe</translation>
    </message>
    <message>
      <source>per hour</source>
      <translation>por hora</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Foto</translation>
    </message>
    <message>
      <source>pk_live_… or pk_test_…</source>
      <translation>pk_live_… o pk_test_…</translation>
    </message>
    <message>
      <source>Platform fee</source>
      <translation>Comisión de la plataforma</translation>
    </message>
    <message>
      <source>Platform fees</source>
      <translation>Comisiones de la plataforma</translation>
    </message>
    <message>
      <source>Platform fees kept after refunds (a refund comes out of the teacher's share first).</source>
      <translation>Comisiones de la plataforma conservadas tras los reembolsos (un reembolso sale primero de la parte del profesor).</translation>
    </message>
    <message>
      <source>Platform net</source>
      <translation>Neto de la plataforma</translation>
    </message>
    <message>
      <source>Please choose a new password first (Account &gt; Profile and password).</source>
      <translation>Primero elige una contraseña nueva (Cuenta &gt; Perfil y contraseña).</translation>
    </message>
    <message>
      <source>Please choose a time zone.</source>
      <translation>Elige una zona horaria.</translation>
    </message>
    <message>
      <source>Please enter a display name.</source>
      <translation>Escribe un nombre visible.</translation>
    </message>
    <message>
      <source>Please enter a language.</source>
      <translation>Escribe un idioma.</translation>
    </message>
    <message>
      <source>Please enter your email address.</source>
      <translation>Escribe tu correo electrónico.</translation>
    </message>
    <message>
      <source>Poor</source>
      <translation>Mala</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>Puerto</translation>
    </message>
    <message>
      <source>Post answer</source>
      <translation>Publicar respuesta</translation>
    </message>
    <message>
      <source>Post review</source>
      <translation>Publicar reseña</translation>
    </message>
    <message>
      <source>Previous</source>
      <translation>Anterior</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>Precio</translation>
    </message>
    <message>
      <source>Price limits cannot be negative.</source>
      <translation>Los límites de precio no pueden ser negativos.</translation>
    </message>
    <message>
      <source>Price limits go up to {n} minor units.</source>
      <translation>Los límites de precio llegan hasta {n} unidades menores.</translation>
    </message>
    <message>
      <source>Price limits must be whole numbers of minor units.</source>
      <translation>Los límites de precio deben ser números enteros de unidades menores.</translation>
    </message>
    <message>
      <source>Price: high to low</source>
      <translation>Precio: de mayor a menor</translation>
    </message>
    <message>
      <source>Price: low to high</source>
      <translation>Precio: de menor a mayor</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Problema</translation>
    </message>
    <message>
      <source>processing</source>
      <translation>procesando</translation>
    </message>
    <message>
      <source>Profile</source>
      <translation>Perfil</translation>
    </message>
    <message>
      <source>Profile and password</source>
      <translation>Perfil y contraseña</translation>
    </message>
    <message>
      <source>Profile changed</source>
      <translation>Perfil cambiado</translation>
    </message>
    <message>
      <source>Profile not available</source>
      <translation>Perfil no disponible</translation>
    </message>
    <message>
      <source>Profile saved.</source>
      <translation>Perfil guardado.</translation>
    </message>
    <message>
      <source>Propose a new time</source>
      <translation>Proponer una nueva hora</translation>
    </message>
    <message>
      <source>Propose this time</source>
      <translation>Proponer esta hora</translation>
    </message>
    <message>
      <source>Provider</source>
      <translation>Proveedor</translation>
    </message>
    <message>
      <source>Publishable key</source>
      <translation>Clave publicable</translation>
    </message>
    <message>
      <source>Queue the job again with fresh attempts.</source>
      <translation>Vuelve a poner la tarea en cola con intentos nuevos.</translation>
    </message>
    <message>
      <source>Queue the meeting's creation again, due now.</source>
      <translation>Vuelve a poner en cola la creación de la reunión, para ahora.</translation>
    </message>
    <message>
      <source>Queue this job again with fresh attempts.</source>
      <translation>Vuelve a poner esta tarea en cola con intentos nuevos.</translation>
    </message>
    <message>
      <source>Ranges start and end on {step}-minute steps.</source>
      <translation>Las franjas empiezan y terminan en pasos de {step} minutos.</translation>
    </message>
    <message>
      <source>Rate this session</source>
      <translation>Valora esta clase</translation>
    </message>
    <message>
      <source>Rate this session…</source>
      <translation>Valorar esta clase…</translation>
    </message>
    <message>
      <source>Rating</source>
      <translation>Valoración</translation>
    </message>
    <message>
      <source>Rating {stars}+ only</source>
      <translation>Solo valoración {stars}+</translation>
    </message>
    <message>
      <source>Re-read and refund</source>
      <translation>Volver a leer y reembolsar</translation>
    </message>
    <message>
      <source>Re-read from Stripe</source>
      <translation>Volver a leer de Stripe</translation>
    </message>
    <message>
      <source>Re-read the payment at Stripe and return the money the closed booking holds.</source>
      <translation>Vuelve a leer el pago en Stripe y devuelve el dinero que retiene la reserva cerrada.</translation>
    </message>
    <message>
      <source>Reactivate</source>
      <translation>Reactivar</translation>
    </message>
    <message>
      <source>Reactivated</source>
      <translation>Reactivado</translation>
    </message>
    <message>
      <source>Read</source>
      <translation>Leído</translation>
    </message>
    <message>
      <source>read</source>
      <translation>leído</translation>
    </message>
    <message>
      <source>Read again</source>
      <translation>Leído de nuevo</translation>
    </message>
    <message>
      <source>Read again now</source>
      <translation>Volver a leer ahora</translation>
    </message>
    <message>
      <source>read {when}</source>
      <translation>leído el {when}</translation>
    </message>
    <message>
      <source>Reading our payments…</source>
      <translation>Leyendo nuestros pagos…</translation>
    </message>
    <message>
      <source>Reading…</source>
      <translation>Leyendo…</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>Lista</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Motivo</translation>
    </message>
    <message>
      <source>reason</source>
      <translation>motivo</translation>
    </message>
    <message>
      <source>Reason (recorded in the audit trail)</source>
      <translation>Motivo (queda en el registro de auditoría)</translation>
    </message>
    <message>
      <source>Reason for the student (required)</source>
      <translation>Motivo para el estudiante (obligatorio)</translation>
    </message>
    <message>
      <source>Reason: {reason}.</source>
      <translation>Motivo: {reason}.</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>Recibido</translation>
    </message>
    <message>
      <source>Received {when} ({zone})</source>
      <translation>Recibido el {when} ({zone})</translation>
    </message>
    <message>
      <source>Recent reviews</source>
      <translation>Reseñas recientes</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Registro</translation>
    </message>
    <message>
      <source>record</source>
      <translation>registro</translation>
    </message>
    <message>
      <source>record kind</source>
      <translation>tipo de registro</translation>
    </message>
    <message>
      <source>record number</source>
      <translation>número de registro</translation>
    </message>
    <message>
      <source>Recorded</source>
      <translation>Registrado</translation>
    </message>
    <message>
      <source>Recorded by</source>
      <translation>Registrado por</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Referencia</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Actualizar</translation>
    </message>
    <message>
      <source>Refund</source>
      <translation>Reembolso</translation>
    </message>
    <message>
      <source>refund</source>
      <translation>reembolso</translation>
    </message>
    <message>
      <source>Refund #{number} of {amount} was not sent: Stripe holds a refund on this payment that LinguaFlex cannot attribute.</source>
      <translation>El reembolso #{number} de {amount} no se envió: Stripe tiene un reembolso de este pago que LinguaFlex no puede identificar.</translation>
    </message>
    <message>
      <source>Refund amount differs</source>
      <translation>El importe del reembolso no coincide</translation>
    </message>
    <message>
      <source>refund amount differs</source>
      <translation>el importe del reembolso no coincide</translation>
    </message>
    <message>
      <source>Refund at Stripe not ours</source>
      <translation>Reembolso en Stripe que no es nuestro</translation>
    </message>
    <message>
      <source>Refund at Stripe not recorded</source>
      <translation>Reembolso en Stripe sin registrar</translation>
    </message>
    <message>
      <source>Refund at Stripe not recorded here</source>
      <translation>Reembolso en Stripe no registrado aquí</translation>
    </message>
    <message>
      <source>refund at Stripe not recorded here</source>
      <translation>reembolso en Stripe no registrado aquí</translation>
    </message>
    <message>
      <source>Refund cancelled at Stripe</source>
      <translation>Reembolso cancelado en Stripe</translation>
    </message>
    <message>
      <source>Refund failed at Stripe</source>
      <translation>Reembolso fallido en Stripe</translation>
    </message>
    <message>
      <source>Refund found at Stripe and recorded</source>
      <translation>Reembolso encontrado en Stripe y registrado</translation>
    </message>
    <message>
      <source>Refund issued by LinguaFlex</source>
      <translation>Reembolso emitido por LinguaFlex</translation>
    </message>
    <message>
      <source>Refund needs action at Stripe</source>
      <translation>El reembolso requiere acción en Stripe</translation>
    </message>
    <message>
      <source>Refund needs an administrator</source>
      <translation>El reembolso necesita a un administrador</translation>
    </message>
    <message>
      <source>Refund not yet answered by Stripe</source>
      <translation>Reembolso aún sin respuesta de Stripe</translation>
    </message>
    <message>
      <source>Refund read again from Stripe</source>
      <translation>Reembolso leído de nuevo de Stripe</translation>
    </message>
    <message>
      <source>Refund requested</source>
      <translation>Reembolso solicitado</translation>
    </message>
    <message>
      <source>Refund status differs</source>
      <translation>El estado del reembolso no coincide</translation>
    </message>
    <message>
      <source>refund status differs</source>
      <translation>el estado del reembolso no coincide</translation>
    </message>
    <message>
      <source>Refund succeeded at Stripe</source>
      <translation>Reembolso completado en Stripe</translation>
    </message>
    <message>
      <source>Refund unknown to Stripe</source>
      <translation>Reembolso desconocido para Stripe</translation>
    </message>
    <message>
      <source>refund unknown to Stripe</source>
      <translation>reembolso desconocido para Stripe</translation>
    </message>
    <message>
      <source>Refund {amount}</source>
      <translation>Reembolsar {amount}</translation>
    </message>
    <message>
      <source>Refunded</source>
      <translation>Reembolsado</translation>
    </message>
    <message>
      <source>Refunded</source>
      <comment>booking</comment>
      <translation>Reembolsada</translation>
    </message>
    <message>
      <source>refunded</source>
      <translation>reembolsada</translation>
    </message>
    <message>
      <source>Refunded (ours)</source>
      <translation>Reembolsado (nuestro)</translation>
    </message>
    <message>
      <source>Refunded (Stripe)</source>
      <translation>Reembolsado (Stripe)</translation>
    </message>
    <message>
      <source>Refunded from your share</source>
      <translation>Reembolsado de tu parte</translation>
    </message>
    <message>
      <source>Refunded {amount} (Stripe refund {id}).</source>
      <translation>Reembolsados {amount} (reembolso de Stripe {id}).</translation>
    </message>
    <message>
      <source>Refunded {amount}.</source>
      <translation>Reembolsados {amount}.</translation>
    </message>
    <message>
      <source>Refunds</source>
      <translation>Reembolsos</translation>
    </message>
    <message>
      <source>Refund…</source>
      <translation>Reembolsar…</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>Rechazado</translation>
    </message>
    <message>
      <source>Refused by Stripe</source>
      <translation>Rechazado por Stripe</translation>
    </message>
    <message>
      <source>Reload</source>
      <translation>Volver a cargar</translation>
    </message>
    <message>
      <source>Remember me on this computer</source>
      <translation>Recordarme en este ordenador</translation>
    </message>
    <message>
      <source>Reminder</source>
      <translation>Recordatorio</translation>
    </message>
    <message>
      <source>reminder 1 hour before</source>
      <translation>recordatorio 1 hora antes</translation>
    </message>
    <message>
      <source>reminder 24 hours before</source>
      <translation>recordatorio 24 horas antes</translation>
    </message>
    <message>
      <source>Reminder: session with {other} in 1 hour</source>
      <translation>Recordatorio: clase con {other} dentro de 1 hora</translation>
    </message>
    <message>
      <source>Reminder: session with {other} in 24 hours</source>
      <translation>Recordatorio: clase con {other} dentro de 24 horas</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Quitar</translation>
    </message>
    <message>
      <source>Remove card</source>
      <translation>Eliminar tarjeta</translation>
    </message>
    <message>
      <source>Remove day off</source>
      <translation>Quitar día libre</translation>
    </message>
    <message>
      <source>Remove photo</source>
      <translation>Quitar foto</translation>
    </message>
    <message>
      <source>Remove these hours (saved with Save weekly hours)</source>
      <translation>Quitar estas horas (se guarda con Guardar horario semanal)</translation>
    </message>
    <message>
      <source>Remove {card}? You can add it again later.</source>
      <translation>¿Eliminar {card}? Puedes volver a añadirla más tarde.</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>Eliminada</translation>
    </message>
    <message>
      <source>Remove…</source>
      <translation>Eliminar…</translation>
    </message>
    <message>
      <source>Repeat new password</source>
      <translation>Repite la contraseña nueva</translation>
    </message>
    <message>
      <source>Reply in LinguaFlex: open the booking and its Messages. Further messages of this conversation are shown there.</source>
      <translation>Responde en LinguaFlex: abre la reserva y sus Mensajes. Los siguientes mensajes de esta conversación se muestran allí.</translation>
    </message>
    <message>
      <source>Request booking</source>
      <translation>Solicitar reserva</translation>
    </message>
    <message>
      <source>request declined</source>
      <translation>solicitud rechazada</translation>
    </message>
    <message>
      <source>Request expired</source>
      <translation>Solicitud caducada</translation>
    </message>
    <message>
      <source>request expired</source>
      <translation>solicitud caducada</translation>
    </message>
    <message>
      <source>Request expired: the teacher did not answer</source>
      <translation>Solicitud caducada: el profesor no respondió</translation>
    </message>
    <message>
      <source>Request sent to {teacher}. You can pay once they confirm it.</source>
      <translation>Solicitud enviada a {teacher}. Podrás pagar cuando la confirme.</translation>
    </message>
    <message>
      <source>Requested</source>
      <translation>Solicitada</translation>
    </message>
    <message>
      <source>Requesting…</source>
      <translation>Solicitando…</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation>Solicitudes</translation>
    </message>
    <message>
      <source>Requests ({count})</source>
      <translation>Solicitudes ({count})</translation>
    </message>
    <message>
      <source>Requests pin Stripe API {version}.</source>
      <translation>Las solicitudes fijan la API de Stripe {version}.</translation>
    </message>
    <message>
      <source>Requires action</source>
      <translation>Requiere acción</translation>
    </message>
    <message>
      <source>Reschedule declined</source>
      <translation>Cambio de hora rechazado</translation>
    </message>
    <message>
      <source>Reschedule proposed</source>
      <translation>Cambio de hora propuesto</translation>
    </message>
    <message>
      <source>Rescheduled</source>
      <translation>Cambiada de hora</translation>
    </message>
    <message>
      <source>Reschedule…</source>
      <translation>Cambiar la hora…</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Reintentar</translation>
    </message>
    <message>
      <source>Retry job</source>
      <translation>Reintentar tarea</translation>
    </message>
    <message>
      <source>Retry meeting</source>
      <translation>Reintentar reunión</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>Ingresos</translation>
    </message>
    <message>
      <source>revenue</source>
      <translation>ingresos de la plataforma</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Reseña</translation>
    </message>
    <message>
      <source>review</source>
      <translation>reseña</translation>
    </message>
    <message>
      <source>Review hidden</source>
      <translation>Reseña oculta</translation>
    </message>
    <message>
      <source>Reviews</source>
      <translation>Reseñas</translation>
    </message>
    <message>
      <source>reviews</source>
      <translation>reseñas</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rol</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>Regla</translation>
    </message>
    <message>
      <source>Run due transitions</source>
      <translation>Aplicar cambios pendientes</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>En curso</translation>
    </message>
    <message>
      <source>running</source>
      <translation>en ejecución</translation>
    </message>
    <message>
      <source>Sandbox payments, no real money. Test cards: 4242 4242 4242 4242 works · 4000 0000 0000 0341 declined · 4000 0025 0000 3155 3-D Secure</source>
      <translation>Pagos en entorno de pruebas, sin dinero real. Tarjetas de prueba: 4242 4242 4242 4242 funciona · 4000 0000 0000 0341 rechazada · 4000 0025 0000 3155 3-D Secure</translation>
    </message>
    <message>
      <source>Sandbox: payments made here are test payments, no real money moves.</source>
      <translation>Entorno de pruebas: los pagos hechos aquí son de prueba, no se mueve dinero real.</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>sáb</translation>
    </message>
    <message>
      <source>Saturday morning (8:00-12:00)</source>
      <translation>Sábado por la mañana (8:00-12:00)</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>Guardar como PDF…</translation>
    </message>
    <message>
      <source>Save calendar invite</source>
      <translation>Guardar invitación de calendario</translation>
    </message>
    <message>
      <source>Save changes</source>
      <translation>Guardar cambios</translation>
    </message>
    <message>
      <source>Save invite (.ics)…</source>
      <translation>Guardar invitación (.ics)…</translation>
    </message>
    <message>
      <source>Save profile</source>
      <translation>Guardar perfil</translation>
    </message>
    <message>
      <source>Save statement as PDF</source>
      <translation>Guardar extracto como PDF</translation>
    </message>
    <message>
      <source>Save the calendar invitation to add the session to your calendar.</source>
      <translation>Guarda la invitación de calendario para añadir la clase a tu calendario.</translation>
    </message>
    <message>
      <source>Save weekly hours</source>
      <translation>Guardar horario semanal</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>Guardada</translation>
    </message>
    <message>
      <source>Saved card</source>
      <translation>Tarjeta guardada</translation>
    </message>
    <message>
      <source>Saved. Lists show times in the new time zone after you next sign in.</source>
      <translation>Guardado. Las listas mostrarán las horas en la nueva zona horaria la próxima vez que inicies sesión.</translation>
    </message>
    <message>
      <source>Say whether the gig is active (yes or no).</source>
      <translation>Indica si la oferta está activa (sí o no).</translation>
    </message>
    <message>
      <source>Say whether the newest bookings come first (yes or no).</source>
      <translation>Indica si las reservas más recientes van primero (sí o no).</translation>
    </message>
    <message>
      <source>Schedule</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <source>Search by free time is not available here.</source>
      <translation>La búsqueda por tiempo libre no está disponible aquí.</translation>
    </message>
    <message>
      <source>Search by title, teacher or description</source>
      <translation>Busca por título, profesor o descripción</translation>
    </message>
    <message>
      <source>search text</source>
      <translation>texto de búsqueda</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Buscando…</translation>
    </message>
    <message>
      <source>Secret key</source>
      <translation>Clave secreta</translation>
    </message>
    <message>
      <source>Security</source>
      <translation>Seguridad</translation>
    </message>
    <message>
      <source>Seen</source>
      <translation>Visto</translation>
    </message>
    <message>
      <source>Select a booking to see its payment and receipt.</source>
      <translation>Selecciona una reserva para ver su pago y su recibo.</translation>
    </message>
    <message>
      <source>Select a dead letter to retry it.</source>
      <translation>Selecciona una tarea fallida para reintentarla.</translation>
    </message>
    <message>
      <source>Select a gig to see its details.</source>
      <translation>Selecciona una oferta para ver sus detalles.</translation>
    </message>
    <message>
      <source>Select a job to see its details.</source>
      <translation>Selecciona una tarea para ver sus detalles.</translation>
    </message>
    <message>
      <source>Select a message to read it.</source>
      <translation>Selecciona un mensaje para leerlo.</translation>
    </message>
    <message>
      <source>Select a message with a calendar invitation.</source>
      <translation>Selecciona un mensaje con invitación de calendario.</translation>
    </message>
    <message>
      <source>Select a row to see its fix.</source>
      <translation>Selecciona una fila para ver su solución.</translation>
    </message>
    <message>
      <source>Select an event to see what changed.</source>
      <translation>Selecciona un evento para ver qué cambió.</translation>
    </message>
    <message>
      <source>Send</source>
      <translation>Enviar</translation>
    </message>
    <message>
      <source>Send a new code</source>
      <translation>Enviar un código nuevo</translation>
    </message>
    <message>
      <source>Send a reminder</source>
      <translation>Enviar un recordatorio</translation>
    </message>
    <message>
      <source>Send an e-mail</source>
      <translation>Enviar un correo</translation>
    </message>
    <message>
      <source>Send answer</source>
      <translation>Enviar respuesta</translation>
    </message>
    <message>
      <source>Send code</source>
      <translation>Enviar código</translation>
    </message>
    <message>
      <source>Send code to new address</source>
      <translation>Enviar código a la dirección nueva</translation>
    </message>
    <message>
      <source>Send e-mail</source>
      <translation>Enviar correo</translation>
    </message>
    <message>
      <source>Send the message (Ctrl+Enter).</source>
      <translation>Enviar el mensaje (Ctrl+Intro).</translation>
    </message>
    <message>
      <source>Sender</source>
      <translation>Remitente</translation>
    </message>
    <message>
      <source>Sep</source>
      <translation>sept</translation>
    </message>
    <message>
      <source>Service unavailable</source>
      <translation>Servicio no disponible</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>Clase</translation>
    </message>
    <message>
      <source>session booked</source>
      <translation>clase reservada</translation>
    </message>
    <message>
      <source>Session completed</source>
      <translation>Clase completada</translation>
    </message>
    <message>
      <source>session completed</source>
      <translation>clase completada</translation>
    </message>
    <message>
      <source>Session durations go in {step}-minute steps.</source>
      <translation>La duración de las clases va en pasos de {step} minutos.</translation>
    </message>
    <message>
      <source>Session length</source>
      <translation>Duración de la clase</translation>
    </message>
    <message>
      <source>Session with {other} cancelled</source>
      <translation>Clase con {other} cancelada</translation>
    </message>
    <message>
      <source>Session with {other} cancelled and refunded</source>
      <translation>Clase con {other} cancelada y reembolsada</translation>
    </message>
    <message>
      <source>Session with {other} cancelled: not paid in time</source>
      <translation>Clase con {other} cancelada: no se pagó a tiempo</translation>
    </message>
    <message>
      <source>Session with {other} completed</source>
      <translation>Clase con {other} completada</translation>
    </message>
    <message>
      <source>Session with {other} is booked</source>
      <translation>Clase con {other} reservada</translation>
    </message>
    <message>
      <source>Session with {other} moved</source>
      <translation>Clase con {other} cambiada de hora</translation>
    </message>
    <message>
      <source>Session with {other} refunded</source>
      <translation>Clase con {other} reembolsada</translation>
    </message>
    <message>
      <source>Session: {title}</source>
      <translation>Clase: {title}</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>Clases</translation>
    </message>
    <message>
      <source>Sessions can be booked at most {weeks} weeks ahead.</source>
      <translation>Las clases se pueden reservar con un máximo de {weeks} semanas de antelación.</translation>
    </message>
    <message>
      <source>Sessions must be booked at least {hours} hours ahead.</source>
      <translation>Las clases deben reservarse con al menos {hours} horas de antelación.</translation>
    </message>
    <message>
      <source>Sessions start on the quarter hour ({step}-minute steps).</source>
      <translation>Las clases empiezan en cuartos de hora (pasos de {step} minutos).</translation>
    </message>
    <message>
      <source>Sessions starting</source>
      <translation>Clases que empiezan</translation>
    </message>
    <message>
      <source>Sessions: {count}</source>
      <translation>Clases: {count}</translation>
    </message>
    <message>
      <source>Set in the environment, which wins over these fields: {variables}.</source>
      <translation>Definido en el entorno, que tiene prioridad sobre estos campos: {variables}.</translation>
    </message>
    <message>
      <source>Set new password</source>
      <translation>Poner la nueva contraseña</translation>
    </message>
    <message>
      <source>Set password and continue</source>
      <translation>Guardar contraseña y continuar</translation>
    </message>
    <message>
      <source>Set temporary password</source>
      <translation>Poner contraseña temporal</translation>
    </message>
    <message>
      <source>Set temporary password…</source>
      <translation>Poner contraseña temporal…</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Ajustes</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Mostrar</translation>
    </message>
    <message>
      <source>Sign &amp;out</source>
      <translation>C&amp;errar sesión</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>Iniciar sesión</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>Cerrar sesión</translation>
    </message>
    <message>
      <source>Sign-in failed</source>
      <translation>No se pudo iniciar sesión</translation>
    </message>
    <message>
      <source>Signed in as {name} ({role}) · data: {location}</source>
      <translation>Sesión iniciada como {name} ({role}) · datos: {location}</translation>
    </message>
    <message>
      <source>Signing in…</source>
      <translation>Iniciando sesión…</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>Desde</translation>
    </message>
    <message>
      <source>SMTP host</source>
      <translation>Servidor SMTP</translation>
    </message>
    <message>
      <source>smtp host</source>
      <translation>servidor SMTP</translation>
    </message>
    <message>
      <source>SMTP is not configured (SMTP_HOST).</source>
      <translation>SMTP no está configurado (SMTP_HOST).</translation>
    </message>
    <message>
      <source>smtp password</source>
      <translation>contraseña SMTP</translation>
    </message>
    <message>
      <source>SMTP port</source>
      <translation>Puerto SMTP</translation>
    </message>
    <message>
      <source>smtp port</source>
      <translation>puerto SMTP</translation>
    </message>
    <message>
      <source>SMTP security</source>
      <translation>Seguridad SMTP</translation>
    </message>
    <message>
      <source>smtp security</source>
      <translation>seguridad SMTP</translation>
    </message>
    <message>
      <source>SMTP security must be one of {choices}.</source>
      <translation>La seguridad SMTP debe ser una de estas: {choices}.</translation>
    </message>
    <message>
      <source>SMTP security must be starttls, tls or plain, not {security}.</source>
      <translation>La seguridad SMTP debe ser starttls, tls o plain, no {security}.</translation>
    </message>
    <message>
      <source>SMTP sender</source>
      <translation>Remitente SMTP</translation>
    </message>
    <message>
      <source>smtp sender</source>
      <translation>remitente SMTP</translation>
    </message>
    <message>
      <source>SMTP server</source>
      <translation>Servidor SMTP</translation>
    </message>
    <message>
      <source>SMTP user name</source>
      <translation>Usuario SMTP</translation>
    </message>
    <message>
      <source>smtp username</source>
      <translation>usuario SMTP</translation>
    </message>
    <message>
      <source>Someone else changed this booking first; here is its current state.</source>
      <translation>Otra persona cambió esta reserva antes; este es su estado actual.</translation>
    </message>
    <message>
      <source>Something went wrong</source>
      <translation>Algo salió mal</translation>
    </message>
    <message>
      <source>Sort</source>
      <translation>Ordenar</translation>
    </message>
    <message>
      <source>Speaks {languages}</source>
      <translation>Habla {languages}</translation>
    </message>
    <message>
      <source>speaks {languages}</source>
      <translation>habla {languages}</translation>
    </message>
    <message>
      <source>start of the range</source>
      <translation>inicio de la franja</translation>
    </message>
    <message>
      <source>Start session</source>
      <translation>Iniciar la clase</translation>
    </message>
    <message>
      <source>Starting</source>
      <translation>Iniciando</translation>
    </message>
    <message>
      <source>Starts</source>
      <translation>Empieza</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Estado</translation>
    </message>
    <message>
      <source>State as last read</source>
      <translation>Estado en la última lectura</translation>
    </message>
    <message>
      <source>statement lines</source>
      <translation>líneas del extracto</translation>
    </message>
    <message>
      <source>Statement of {name}, {period}</source>
      <translation>Extracto de {name}, {period}</translation>
    </message>
    <message>
      <source>Statement PDF…</source>
      <translation>Extracto en PDF…</translation>
    </message>
    <message>
      <source>Statement saved to {path}.</source>
      <translation>Extracto guardado en {path}.</translation>
    </message>
    <message>
      <source>Statement {name} {first} to {last}.pdf</source>
      <translation>Extracto {name} {first} a {last}.pdf</translation>
    </message>
    <message>
      <source>Statements</source>
      <translation>Extractos</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <source>Status differs</source>
      <translation>El estado no coincide</translation>
    </message>
    <message>
      <source>status differs</source>
      <translation>el estado no coincide</translation>
    </message>
    <message>
      <source>Still waiting for Stripe's page. The card setup stays open: finish it there, or cancel.</source>
      <translation>Todavía esperando la página de Stripe. El alta de la tarjeta sigue abierta: termínala allí o cancela.</translation>
    </message>
    <message>
      <source>Still waiting for the confirmation in the browser. Finish it there, or cancel.</source>
      <translation>Todavía esperando la confirmación en el navegador. Termínala allí o cancela.</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>Detener</translation>
    </message>
    <message>
      <source>Stopped after {checked} payment(s); the tables show what was compared.</source>
      <translation>Detenido tras {checked} pago(s); las tablas muestran lo que se comparó.</translation>
    </message>
    <message>
      <source>Stopping after the current payment…</source>
      <translation>Deteniendo tras el pago actual…</translation>
    </message>
    <message>
      <source>Stored in keyring</source>
      <translation>Guardada en el llavero</translation>
    </message>
    <message>
      <source>Stripe</source>
      <translation>Stripe</translation>
    </message>
    <message>
      <source>Stripe accepted the refund (pending)</source>
      <translation>Stripe aceptó el reembolso (pendiente)</translation>
    </message>
    <message>
      <source>Stripe and LinguaFlex agree on this payment now.</source>
      <translation>Stripe y LinguaFlex ya coinciden en este pago.</translation>
    </message>
    <message>
      <source>Stripe answered with an error: {stripe}</source>
      <translation>Stripe respondió con un error: {stripe}</translation>
    </message>
    <message>
      <source>Stripe confirmed the payment</source>
      <translation>Stripe confirmó el pago</translation>
    </message>
    <message>
      <source>Stripe confirmed the payment.</source>
      <translation>Stripe confirmó el pago.</translation>
    </message>
    <message>
      <source>Stripe confirmed the payment; it is recorded as paid.</source>
      <translation>Stripe confirmó el pago; consta como pagado.</translation>
    </message>
    <message>
      <source>Stripe could not be reached (no answer in time, or it is unavailable). Nothing was charged or changed; please try again in a moment.</source>
      <translation>No se pudo contactar con Stripe (no respondió a tiempo o no está disponible). No se ha cobrado ni cambiado nada; inténtalo de nuevo en un momento.</translation>
    </message>
    <message>
      <source>Stripe could not be reached: check the internet connection (or proxy / firewall) and check again.</source>
      <translation>No se pudo contactar con Stripe: revisa la conexión a internet (o el proxy / cortafuegos) y vuelve a comprobarlo.</translation>
    </message>
    <message>
      <source>Stripe Customer {id} of {student}</source>
      <translation>Customer de Stripe {id} de {student}</translation>
    </message>
    <message>
      <source>Stripe did not answer while confirming the payment, so it is not known yet whether it went through. Nothing will be charged twice: LinguaFlex checks with Stripe and updates the booking as soon as it can.</source>
      <translation>Stripe no respondió al confirmar el pago, así que todavía no se sabe si se realizó. No se cobrará dos veces: LinguaFlex lo comprueba con Stripe y actualiza la reserva en cuanto puede.</translation>
    </message>
    <message>
      <source>Stripe did not answer, so it is not known yet whether the refund was made. Try the same refund again in a minute: it will not be made twice.</source>
      <translation>Stripe no respondió, así que todavía no se sabe si se hizo el reembolso. Vuelve a intentar el mismo reembolso dentro de un minuto: no se hará dos veces.</translation>
    </message>
    <message>
      <source>Stripe did not answer, so the payment was not started and nothing was charged. Please try again in a few minutes.</source>
      <translation>Stripe no respondió, así que el pago no se inició y no se ha cobrado nada. Inténtalo de nuevo dentro de unos minutos.</translation>
    </message>
    <message>
      <source>Stripe did not expire the test Checkout Session (status {status}).</source>
      <translation>Stripe no hizo caducar la Checkout Session de prueba (estado {status}).</translation>
    </message>
    <message>
      <source>Stripe disagrees</source>
      <translation>Stripe no coincide</translation>
    </message>
    <message>
      <source>Stripe does not know its PaymentIntent</source>
      <translation>Stripe no conoce su PaymentIntent</translation>
    </message>
    <message>
      <source>Stripe does not recognise the publishable key: copy it again from the Stripe Dashboard (Developers &gt; API keys).</source>
      <translation>Stripe no reconoce la clave publicable: vuelve a copiarla desde el Dashboard de Stripe (Developers &gt; API keys).</translation>
    </message>
    <message>
      <source>Stripe does not recognise the secret key: copy it again from the Stripe Dashboard (Developers &gt; API keys).</source>
      <translation>Stripe no reconoce la clave secreta: vuelve a copiarla desde el Dashboard de Stripe (Developers &gt; API keys).</translation>
    </message>
    <message>
      <source>Stripe had refunded it already; {count} refund(s) recorded.</source>
      <translation>Stripe ya lo había reembolsado; reembolsos registrados: {count}.</translation>
    </message>
    <message>
      <source>Stripe holds a refund for this payment that LinguaFlex did not record, so this refund was not sent again (it may be the same money). Check the payment in the Stripe Dashboard.</source>
      <translation>Stripe tiene un reembolso de este pago que LinguaFlex no registró, así que este reembolso no se volvió a enviar (puede ser el mismo dinero). Revisa el pago en el Dashboard de Stripe.</translation>
    </message>
    <message>
      <source>Stripe holds a refund on it that was never recorded here</source>
      <translation>Stripe tiene un reembolso de este pago que nunca se registró aquí</translation>
    </message>
    <message>
      <source>Stripe keys are not configured.</source>
      <translation>Las claves de Stripe no están configuradas.</translation>
    </message>
    <message>
      <source>Stripe names another booking for it</source>
      <translation>Stripe lo asocia a otra reserva</translation>
    </message>
    <message>
      <source>Stripe now says this payment is {status}, so nothing was refunded; check it in the Stripe Dashboard.</source>
      <translation>Stripe indica ahora que el estado de este pago es {status}, así que no se reembolsó nada; revísalo en el Dashboard de Stripe.</translation>
    </message>
    <message>
      <source>Stripe PaymentIntent</source>
      <translation>PaymentIntent de Stripe</translation>
    </message>
    <message>
      <source>Stripe publishable key</source>
      <translation>Clave publicable de Stripe</translation>
    </message>
    <message>
      <source>stripe publishable key</source>
      <translation>clave publicable de Stripe</translation>
    </message>
    <message>
      <source>Stripe refund</source>
      <translation>Reembolso de Stripe</translation>
    </message>
    <message>
      <source>Stripe refused the API key; check the keys in Settings.</source>
      <translation>Stripe rechazó la clave de la API; revisa las claves en Ajustes.</translation>
    </message>
    <message>
      <source>Stripe refused the refund</source>
      <translation>Stripe rechazó el reembolso</translation>
    </message>
    <message>
      <source>Stripe refused the refund ({stripe}); it is recorded as failed.</source>
      <translation>Stripe rechazó el reembolso ({stripe}); consta como fallido.</translation>
    </message>
    <message>
      <source>Stripe refused the refund: {stripe}. Nothing was refunded; it can be made again.</source>
      <translation>Stripe rechazó el reembolso: {stripe}. No se ha reembolsado nada; se puede volver a hacer.</translation>
    </message>
    <message>
      <source>Stripe refused the request.</source>
      <translation>Stripe rechazó la solicitud.</translation>
    </message>
    <message>
      <source>Stripe refused the request: {stripe}</source>
      <translation>Stripe rechazó la solicitud: {stripe}</translation>
    </message>
    <message>
      <source>Stripe refused to create a card-setup Checkout Session with these keys.</source>
      <translation>Stripe rechazó crear una Checkout Session para configurar tarjetas con estas claves.</translation>
    </message>
    <message>
      <source>Stripe refused to start the payment: {stripe}.</source>
      <translation>Stripe rechazó iniciar el pago: {stripe}.</translation>
    </message>
    <message>
      <source>Stripe refused to start the payment: {stripe}. Nothing was charged; you can pay again now.</source>
      <translation>Stripe rechazó iniciar el pago: {stripe}. No se ha cobrado nada; puedes volver a pagar ahora.</translation>
    </message>
    <message>
      <source>Stripe says {stripe} but our record says {held}; nothing was changed. Use Verify with Stripe, or refund, to settle the difference.</source>
      <translation>Stripe indica {stripe}, pero nuestro registro indica {held}; no se ha cambiado nada. Usa Verificar con Stripe, o reembolsa, para resolver la diferencia.</translation>
    </message>
    <message>
      <source>Stripe says {stripe}; our record agrees.</source>
      <translation>Stripe indica {stripe}; nuestro registro coincide.</translation>
    </message>
    <message>
      <source>Stripe says {stripe}; our record moved from {before} to {after}.</source>
      <translation>Stripe indica {stripe}; nuestro registro pasó de {before} a {after}.</translation>
    </message>
    <message>
      <source>Stripe says {stripe}; the payment is not finished yet, so nothing changed.</source>
      <translation>Stripe indica {stripe}; el pago aún no ha terminado, así que no ha cambiado nada.</translation>
    </message>
    <message>
      <source>stripe secret key</source>
      <translation>clave secreta de Stripe</translation>
    </message>
    <message>
      <source>Stripe status</source>
      <translation>Estado en Stripe</translation>
    </message>
    <message>
      <source>Stripe still has this payment in progress; it was left as it is.</source>
      <translation>Stripe todavía tiene este pago en curso; se ha dejado como está.</translation>
    </message>
    <message>
      <source>Stripe still holds {refunds} on this payment, which LinguaFlex cannot attribute, so the refund was not sent; check the payment in the Stripe Dashboard.</source>
      <translation>Stripe sigue teniendo {refunds} en este pago, que LinguaFlex no puede atribuir, así que el reembolso no se envió; revisa el pago en el Dashboard de Stripe.</translation>
    </message>
    <message>
      <source>Stripe test cards cannot be used with live keys.</source>
      <translation>Las tarjetas de prueba de Stripe no se pueden usar con claves reales.</translation>
    </message>
    <message>
      <source>Stripe took payment #{number} after the booking had closed here; {amount} has not been returned.</source>
      <translation>Stripe cobró el pago #{number} después de que la reserva se cerrara aquí; no se han devuelto {amount}.</translation>
    </message>
    <message>
      <source>Stripe took the payment after the booking had closed.</source>
      <translation>Stripe cobró el pago después de cerrarse la reserva.</translation>
    </message>
    <message>
      <source>Stripe {object} {id}: {state}</source>
      <translation>{object} de Stripe {id}: {state}</translation>
    </message>
    <message>
      <source>Stripe's answer closed the attempt: {reason}</source>
      <translation>La respuesta de Stripe cerró el intento: {reason}</translation>
    </message>
    <message>
      <source>Stripe's card page expired before a card was saved. Start again to add a card.</source>
      <translation>La página de tarjetas de Stripe caducó antes de guardar una tarjeta. Empieza de nuevo para añadir una tarjeta.</translation>
    </message>
    <message>
      <source>Stripe's payment does not match the booking</source>
      <translation>El pago de Stripe no coincide con la reserva</translation>
    </message>
    <message>
      <source>Stripe's record of this payment does not match the booking, so it was not accepted. An administrator has been alerted; please contact support.</source>
      <translation>El registro de este pago en Stripe no coincide con la reserva, así que no se aceptó. Se ha avisado a un administrador; ponte en contacto con el soporte.</translation>
    </message>
    <message>
      <source>Student</source>
      <translation>Estudiante</translation>
    </message>
    <message>
      <source>student</source>
      <translation>estudiante</translation>
    </message>
    <message>
      <source>Student — I want to learn</source>
      <translation>Estudiante — quiero aprender</translation>
    </message>
    <message>
      <source>Student's note</source>
      <translation>Nota del estudiante</translation>
    </message>
    <message>
      <source>Students</source>
      <translation>Estudiantes</translation>
    </message>
    <message>
      <source>Students can book you inside these hours ({zone}). Several ranges per day are fine; a range ending at 00:00 runs to midnight.</source>
      <translation>Los estudiantes pueden reservar contigo dentro de este horario ({zone}). Puedes poner varios tramos por día; un tramo que termina a las 00:00 dura hasta medianoche.</translation>
    </message>
    <message>
      <source>Students see your photo, name, country, languages and description beside your gigs and on your profile.</source>
      <translation>Los estudiantes ven tu foto, nombre, país, idiomas y descripción junto a tus ofertas y en tu perfil.</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Asunto</translation>
    </message>
    <message>
      <source>Succeeded</source>
      <translation>Completado</translation>
    </message>
    <message>
      <source>succeeded</source>
      <translation>completado</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>dom</translation>
    </message>
    <message>
      <source>Suspend</source>
      <translation>Suspender</translation>
    </message>
    <message>
      <source>Suspend gig</source>
      <translation>Suspender oferta</translation>
    </message>
    <message>
      <source>Suspend user</source>
      <translation>Suspender usuario</translation>
    </message>
    <message>
      <source>Suspend {name} ({email})? They will not be able to sign in or act until reactivated.</source>
      <translation>¿Suspender a {name} ({email})? No podrá iniciar sesión ni hacer nada hasta que se reactive.</translation>
    </message>
    <message>
      <source>Suspend “{title}” by {teacher}? It disappears from search.</source>
      <translation>¿Suspender «{title}» de {teacher}? Dejará de aparecer en las búsquedas.</translation>
    </message>
    <message>
      <source>Suspended</source>
      <translation>Suspendida</translation>
    </message>
    <message>
      <source>Suspended since</source>
      <translation>Suspendido desde</translation>
    </message>
    <message>
      <source>Suspended {day}</source>
      <translation>Suspendido el {day}</translation>
    </message>
    <message>
      <source>Suspend…</source>
      <translation>Suspender…</translation>
    </message>
    <message>
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <source>System default ({language})</source>
      <translation>Predeterminado del sistema ({language})</translation>
    </message>
    <message>
      <source>Teacher</source>
      <translation>Profesor</translation>
    </message>
    <message>
      <source>teacher</source>
      <translation>profesor</translation>
    </message>
    <message>
      <source>Teacher answers by</source>
      <translation>El profesor responde antes de</translation>
    </message>
    <message>
      <source>Teacher confirmed the booking</source>
      <translation>El profesor confirmó la reserva</translation>
    </message>
    <message>
      <source>Teacher declined the booking</source>
      <translation>El profesor rechazó la reserva</translation>
    </message>
    <message>
      <source>Teacher number</source>
      <translation>Número de profesor</translation>
    </message>
    <message>
      <source>Teacher profile…</source>
      <translation>Perfil del profesor…</translation>
    </message>
    <message>
      <source>Teacher shares</source>
      <translation>Parte de los profesores</translation>
    </message>
    <message>
      <source>Teacher shares kept</source>
      <translation>Parte del profesor conservada</translation>
    </message>
    <message>
      <source>Teacher — I want to teach</source>
      <translation>Profesor — quiero enseñar</translation>
    </message>
    <message>
      <source>Teacher's share</source>
      <translation>Parte del profesor</translation>
    </message>
    <message>
      <source>Teacher's time zone: {zone}</source>
      <translation>Zona horaria del profesor: {zone}</translation>
    </message>
    <message>
      <source>Teachers</source>
      <translation>Profesores</translation>
    </message>
    <message>
      <source>Teachers keep {amount}</source>
      <translation>Los profesores conservan {amount}</translation>
    </message>
    <message>
      <source>Teachers see their earnings instead of payments.</source>
      <translation>Los profesores ven sus ingresos en lugar de los pagos.</translation>
    </message>
    <message>
      <source>Tell students about your experience and approach.</source>
      <translation>Cuéntales a los estudiantes tu experiencia y tu forma de enseñar.</translation>
    </message>
    <message>
      <source>Temporary password</source>
      <translation>Contraseña temporal</translation>
    </message>
    <message>
      <source>Test cards can only be used in the sandbox or with test keys.</source>
      <translation>Las tarjetas de prueba solo se pueden usar en el entorno de pruebas o con claves de prueba.</translation>
    </message>
    <message>
      <source>Thank you: your review is posted.</source>
      <translation>Gracias: tu reseña está publicada.</translation>
    </message>
    <message>
      <source>That booking does not exist.</source>
      <translation>Esa reserva no existe.</translation>
    </message>
    <message>
      <source>That cancellation request does not exist.</source>
      <translation>Esa solicitud de cancelación no existe.</translation>
    </message>
    <message>
      <source>That card belongs to another account.</source>
      <translation>Esa tarjeta pertenece a otra cuenta.</translation>
    </message>
    <message>
      <source>That card is not among your saved cards.</source>
      <translation>Esa tarjeta no está entre tus tarjetas guardadas.</translation>
    </message>
    <message>
      <source>That card setup was not found.</source>
      <translation>No se encontró esa alta de tarjeta.</translation>
    </message>
    <message>
      <source>That card was not found among your saved cards.</source>
      <translation>Esa tarjeta no está entre tus tarjetas guardadas.</translation>
    </message>
    <message>
      <source>That code is wrong or has expired. Ask for a new code if needed.</source>
      <translation>Ese código es incorrecto o ha caducado. Pide un código nuevo si hace falta.</translation>
    </message>
    <message>
      <source>That gig does not exist.</source>
      <translation>Esa oferta no existe.</translation>
    </message>
    <message>
      <source>That is a Stripe secret key: enter it under 'Secret key', never as the publishable key (which is stored in plain text).</source>
      <translation>Esa es una clave secreta de Stripe: escríbela en 'Clave secreta', nunca como clave publicable (que se guarda como texto sin cifrar).</translation>
    </message>
    <message>
      <source>That is already the time of this booking.</source>
      <translation>Esa ya es la hora de esta reserva.</translation>
    </message>
    <message>
      <source>That is already your e-mail address.</source>
      <translation>Ese ya es tu correo electrónico.</translation>
    </message>
    <message>
      <source>That is more than the {owed} {teacher} is owed in {currency}.</source>
      <translation>Es más de los {owed} que se le deben a {teacher} en {currency}.</translation>
    </message>
    <message>
      <source>That message does not exist.</source>
      <translation>Ese mensaje no existe.</translation>
    </message>
    <message>
      <source>That payment does not exist.</source>
      <translation>Ese pago no existe.</translation>
    </message>
    <message>
      <source>That payment no longer exists.</source>
      <translation>Ese pago ya no existe.</translation>
    </message>
    <message>
      <source>That refund had already been made; nothing more was refunded.</source>
      <translation>Ese reembolso ya se había hecho; no se ha reembolsado nada más.</translation>
    </message>
    <message>
      <source>That refund request belongs to another booking.</source>
      <translation>Esa solicitud de reembolso pertenece a otra reserva.</translation>
    </message>
    <message>
      <source>That reschedule proposal does not exist.</source>
      <translation>Esa propuesta de cambio de hora no existe.</translation>
    </message>
    <message>
      <source>That review does not exist.</source>
      <translation>Esa reseña no existe.</translation>
    </message>
    <message>
      <source>That slot is already taken.</source>
      <translation>Esa hora ya está ocupada.</translation>
    </message>
    <message>
      <source>That slot is already taken: the student already has a session at that time.</source>
      <translation>Ese horario ya está ocupado: el estudiante ya tiene una clase a esa hora.</translation>
    </message>
    <message>
      <source>That slot is already taken: the teacher has a session at that time.</source>
      <translation>Ese horario ya está ocupado: el profesor tiene una clase a esa hora.</translation>
    </message>
    <message>
      <source>That slot is already taken: you already have a session at that time.</source>
      <translation>Ese horario ya está ocupado: ya tienes una clase a esa hora.</translation>
    </message>
    <message>
      <source>That Stripe object is not one of this booking's payments or refunds.</source>
      <translation>Ese objeto de Stripe no es ninguno de los pagos o reembolsos de esta reserva.</translation>
    </message>
    <message>
      <source>That teacher does not exist.</source>
      <translation>Ese profesor no existe.</translation>
    </message>
    <message>
      <source>That time is in the past.</source>
      <translation>Esa hora ya ha pasado.</translation>
    </message>
    <message>
      <source>The 'from' time</source>
      <translation>La hora «desde»</translation>
    </message>
    <message>
      <source>The 'to' time</source>
      <translation>La hora «hasta»</translation>
    </message>
    <message>
      <source>The address {email} already belongs to another account; choose another.</source>
      <translation>La dirección {email} ya pertenece a otra cuenta; elige otra.</translation>
    </message>
    <message>
      <source>The amount must be a whole number of minor units.</source>
      <translation>El importe debe ser un número entero de unidades menores.</translation>
    </message>
    <message>
      <source>The amount paid out must be more than zero.</source>
      <translation>El importe pagado debe ser mayor que cero.</translation>
    </message>
    <message>
      <source>The audit trail could not be loaded.</source>
      <translation>No se pudo cargar el registro de auditoría.</translation>
    </message>
    <message>
      <source>The background job “{kind}” gave up after 1 attempt: {error}</source>
      <translation>La tarea en segundo plano «{kind}» se abandonó tras 1 intento: {error}</translation>
    </message>
    <message>
      <source>The background job “{kind}” gave up after {n} attempts: {error}</source>
      <translation>La tarea en segundo plano «{kind}» se abandonó tras {n} intentos: {error}</translation>
    </message>
    <message>
      <source>The bank transfer's reference (required)</source>
      <translation>La referencia de la transferencia bancaria (obligatoria)</translation>
    </message>
    <message>
      <source>The booking filter is not a BookingFilter.</source>
      <translation>El filtro de reservas no es un BookingFilter.</translation>
    </message>
    <message>
      <source>The booking is {status}: it can only be paid once the teacher has confirmed it.</source>
      <translation>La reserva está {status}: solo se puede pagar cuando el profesor la haya confirmado.</translation>
    </message>
    <message>
      <source>The booking is {status}: payment is only possible once the teacher has confirmed it.</source>
      <translation>La reserva está {status}: solo se puede pagar cuando el profesor la haya confirmado.</translation>
    </message>
    <message>
      <source>The booking was cancelled and your payment is refunded in full.</source>
      <translation>La reserva se canceló y se te reembolsa el pago completo.</translation>
    </message>
    <message>
      <source>The booking was cancelled.</source>
      <translation>La reserva se canceló.</translation>
    </message>
    <message>
      <source>The booking was not paid by its payment deadline.</source>
      <translation>La reserva no se pagó antes de su fecha límite de pago.</translation>
    </message>
    <message>
      <source>The bookings could not be loaded.</source>
      <translation>No se pudieron cargar las reservas.</translation>
    </message>
    <message>
      <source>The browser could not be opened. The link is {url}</source>
      <translation>No se pudo abrir el navegador. El enlace es {url}</translation>
    </message>
    <message>
      <source>The calendar invitation is attached.</source>
      <translation>La invitación de calendario va adjunta.</translation>
    </message>
    <message>
      <source>The card could not be saved: it was declined or not authenticated.</source>
      <translation>No se pudo guardar la tarjeta: fue rechazada o no se autenticó.</translation>
    </message>
    <message>
      <source>The check did not finish.</source>
      <translation>La comprobación no terminó.</translation>
    </message>
    <message>
      <source>The comparison did not finish.</source>
      <translation>La comparación no terminó.</translation>
    </message>
    <message>
      <source>The connection to the mail server was lost while it received the message ({error}); it may have been delivered.</source>
      <translation>Se perdió la conexión con el servidor de correo mientras recibía el mensaje ({error}); puede que se haya entregado.</translation>
    </message>
    <message>
      <source>The current password is wrong.</source>
      <translation>La contraseña actual es incorrecta.</translation>
    </message>
    <message>
      <source>The due transitions ran: nothing was due any more.</source>
      <translation>Se aplicaron los cambios pendientes: ya no quedaba nada por hacer.</translation>
    </message>
    <message>
      <source>The due transitions ran: the booking was cancelled, as it was not paid by its deadline.</source>
      <translation>Se aplicaron los cambios pendientes: la reserva se canceló porque no se pagó dentro del plazo.</translation>
    </message>
    <message>
      <source>The duration must be a whole number of minutes.</source>
      <translation>La duración debe ser un número entero de minutos.</translation>
    </message>
    <message>
      <source>The duration must be more than zero minutes.</source>
      <translation>La duración debe ser de más de cero minutos.</translation>
    </message>
    <message>
      <source>The end date is before the start date.</source>
      <translation>La fecha de fin es anterior a la fecha de inicio.</translation>
    </message>
    <message>
      <source>The end of the window</source>
      <translation>El fin del intervalo</translation>
    </message>
    <message>
      <source>The end of the window is before its start.</source>
      <translation>El fin del intervalo es anterior a su inicio.</translation>
    </message>
    <message>
      <source>The export was cancelled.</source>
      <translation>Se canceló la exportación.</translation>
    </message>
    <message>
      <source>The file {name} cannot be opened.</source>
      <translation>No se puede abrir el archivo {name}.</translation>
    </message>
    <message>
      <source>The file {name} is not a picture this app can read.</source>
      <translation>El archivo {name} no es una imagen que esta aplicación pueda leer.</translation>
    </message>
    <message>
      <source>The first {listed} of {total} are listed.</source>
      <translation>Se muestran los primeros {listed} de {total}.</translation>
    </message>
    <message>
      <source>The free times could not be loaded.</source>
      <translation>No se pudieron cargar las horas libres.</translation>
    </message>
    <message>
      <source>The hourly rate must be a whole number of minor units.</source>
      <translation>El precio por hora debe ser un número entero de unidades menores.</translation>
    </message>
    <message>
      <source>The hourly rate must be more than zero.</source>
      <translation>El precio por hora debe ser mayor que cero.</translation>
    </message>
    <message>
      <source>The Jitsi address must be a web address (https://...).</source>
      <translation>La dirección de Jitsi debe ser una dirección web (https://...).</translation>
    </message>
    <message>
      <source>The Jitsi address must be an http(s) URL: {address}.</source>
      <translation>La dirección de Jitsi debe ser una URL http(s): {address}.</translation>
    </message>
    <message>
      <source>The jobs could not be loaded.</source>
      <translation>No se pudieron cargar las tareas.</translation>
    </message>
    <message>
      <source>The keys are of two modes (secret key: {secret}, publishable key: {publishable}): use both test keys or both live keys of one Stripe account.</source>
      <translation>Las claves son de dos modos distintos (clave secreta: {secret}, clave publicable: {publishable}): usa las dos claves de prueba o las dos claves reales de una misma cuenta de Stripe.</translation>
    </message>
    <message>
      <source>The last check with Stripe found payment #{number} (refund {refund}) differing: {finding} (here {ours}, at Stripe {theirs}) (1 more difference).</source>
      <translation>La última comprobación con Stripe encontró diferencias en el pago #{number} (reembolso {refund}): {finding} (aquí {ours}, en Stripe {theirs}) (1 diferencia más).</translation>
    </message>
    <message>
      <source>The last check with Stripe found payment #{number} (refund {refund}) differing: {finding} (here {ours}, at Stripe {theirs}) ({more} more differences).</source>
      <translation>La última comprobación con Stripe encontró diferencias en el pago #{number} (reembolso {refund}): {finding} (aquí {ours}, en Stripe {theirs}) ({more} diferencias más).</translation>
    </message>
    <message>
      <source>The last check with Stripe found payment #{number} (refund {refund}) differing: {finding} (here {ours}, at Stripe {theirs}).</source>
      <translation>La última comprobación con Stripe encontró diferencias en el pago #{number} (reembolso {refund}): {finding} (aquí {ours}, en Stripe {theirs}).</translation>
    </message>
    <message>
      <source>The last check with Stripe found payment #{number} differing: {finding} (here {ours}, at Stripe {theirs}) (1 more difference).</source>
      <translation>La última comprobación con Stripe encontró diferencias en el pago #{number}: {finding} (aquí {ours}, en Stripe {theirs}) (1 diferencia más).</translation>
    </message>
    <message>
      <source>The last check with Stripe found payment #{number} differing: {finding} (here {ours}, at Stripe {theirs}) ({more} more differences).</source>
      <translation>La última comprobación con Stripe encontró diferencias en el pago #{number}: {finding} (aquí {ours}, en Stripe {theirs}) ({more} diferencias más).</translation>
    </message>
    <message>
      <source>The last check with Stripe found payment #{number} differing: {finding} (here {ours}, at Stripe {theirs}).</source>
      <translation>La última comprobación con Stripe encontró diferencias en el pago #{number}: {finding} (aquí {ours}, en Stripe {theirs}).</translation>
    </message>
    <message>
      <source>The limit cannot be negative ({limit}).</source>
      <translation>El límite no puede ser negativo ({limit}).</translation>
    </message>
    <message>
      <source>The list could not be loaded.</source>
      <translation>No se pudo cargar la lista.</translation>
    </message>
    <message>
      <source>The lowest price is above the highest price.</source>
      <translation>El precio mínimo es mayor que el máximo.</translation>
    </message>
    <message>
      <source>The mail server asked to try later ({code} {detail}).</source>
      <translation>El servidor de correo pidió intentarlo más tarde ({code} {detail}).</translation>
    </message>
    <message>
      <source>The mail server cannot check credentials now.</source>
      <translation>El servidor de correo no puede comprobar las credenciales ahora.</translation>
    </message>
    <message>
      <source>The mail server closed the connection.</source>
      <translation>El servidor de correo cerró la conexión.</translation>
    </message>
    <message>
      <source>The mail server could not be reached ({error}).</source>
      <translation>No se pudo contactar con el servidor de correo ({error}).</translation>
    </message>
    <message>
      <source>The mail server could not be used: {error}</source>
      <translation>No se pudo usar el servidor de correo: {error}</translation>
    </message>
    <message>
      <source>The mail server deferred {count} recipient(s): {details}</source>
      <translation>El servidor de correo aplazó destinatarios ({count}): {details}</translation>
    </message>
    <message>
      <source>The mail server does not offer STARTTLS; not sending in clear text.</source>
      <translation>El servidor de correo no ofrece STARTTLS; no se envía en texto sin cifrar.</translation>
    </message>
    <message>
      <source>The mail server refused the message ({code} {detail}).</source>
      <translation>El servidor de correo rechazó el mensaje ({code} {detail}).</translation>
    </message>
    <message>
      <source>The mail server refused the SMTP username or password.</source>
      <translation>El servidor de correo rechazó el usuario o la contraseña de SMTP.</translation>
    </message>
    <message>
      <source>The mail server refused {count} recipient(s): {details}</source>
      <translation>El servidor de correo rechazó destinatarios ({count}): {details}</translation>
    </message>
    <message>
      <source>The mail server's certificate could not be verified ({reason}). If it uses a private certificate authority, set SMTP_CA_FILE to that authority's certificate.</source>
      <translation>No se pudo verificar el certificado del servidor de correo ({reason}). Si usa una autoridad de certificación privada, define SMTP_CA_FILE con el certificado de esa autoridad.</translation>
    </message>
    <message>
      <source>The maximum duration cannot be shorter than the minimum.</source>
      <translation>La duración máxima no puede ser menor que la mínima.</translation>
    </message>
    <message>
      <source>The maximum duration is {hours} hours per session.</source>
      <translation>La duración máxima es de {hours} horas por clase.</translation>
    </message>
    <message>
      <source>The maximum duration must be a positive number of minutes.</source>
      <translation>La duración máxima debe ser un número positivo de minutos.</translation>
    </message>
    <message>
      <source>The meeting could not be created: {reason}. An admin can retry it.</source>
      <translation>No se pudo crear la reunión: {reason}. Un administrador puede volver a intentarlo.</translation>
    </message>
    <message>
      <source>The meeting is being made right now; look again in a minute.</source>
      <translation>La reunión se está creando ahora mismo; vuelve a mirar en un minuto.</translation>
    </message>
    <message>
      <source>The meeting is cancelled.</source>
      <translation>La reunión está cancelada.</translation>
    </message>
    <message>
      <source>The meeting is not available: meeting cancelled.</source>
      <translation>La reunión no está disponible: reunión cancelada.</translation>
    </message>
    <message>
      <source>The meeting is not available: meeting failed: unknown reason.</source>
      <translation>La reunión no está disponible: la reunión falló: motivo desconocido.</translation>
    </message>
    <message>
      <source>The meeting is not available: meeting failed: {reason}.</source>
      <translation>La reunión no está disponible: la reunión falló: {reason}.</translation>
    </message>
    <message>
      <source>The meeting is not available: meeting pending.</source>
      <translation>La reunión no está disponible: reunión pendiente.</translation>
    </message>
    <message>
      <source>The meeting is not available: meeting ready.</source>
      <translation>La reunión no está disponible: reunión lista.</translation>
    </message>
    <message>
      <source>The meeting is not available: no meeting (not paid).</source>
      <translation>La reunión no está disponible: no hay reunión (sin pagar).</translation>
    </message>
    <message>
      <source>The meeting room is being prepared (meeting pending). You will get the link as soon as it is ready; it will also show on the booking in LinguaFlex.</source>
      <translation>Se está preparando la sala de reunión (reunión pendiente). Recibirás el enlace en cuanto esté lista; también aparecerá en la reserva en LinguaFlex.</translation>
    </message>
    <message>
      <source>The meeting room is being set up ({reason}). Refresh to check again.</source>
      <translation>Se está preparando la sala de reunión ({reason}). Actualiza para volver a comprobarlo.</translation>
    </message>
    <message>
      <source>The meeting room is being set up ({reason}). The link appears here when ready.</source>
      <translation>Se está preparando la sala de reunión ({reason}). El enlace aparecerá aquí cuando esté lista.</translation>
    </message>
    <message>
      <source>The meeting room is being set up. Refresh to check again.</source>
      <translation>Se está preparando la sala de reunión. Actualiza para volver a comprobarlo.</translation>
    </message>
    <message>
      <source>The meeting room is being set up. The link appears here when ready.</source>
      <translation>Se está preparando la sala de reunión. El enlace aparecerá aquí cuando esté lista.</translation>
    </message>
    <message>
      <source>The meeting was cancelled with the booking.</source>
      <translation>La reunión se canceló junto con la reserva.</translation>
    </message>
    <message>
      <source>The meeting's creation is queued to run now; the worker makes it shortly.</source>
      <translation>La creación de la reunión está en cola para ahora; el proceso en segundo plano la hará en breve.</translation>
    </message>
    <message>
      <source>The messages could not be loaded.</source>
      <translation>No se pudieron cargar los mensajes.</translation>
    </message>
    <message>
      <source>The minimum duration must be a positive number of minutes.</source>
      <translation>La duración mínima debe ser un número positivo de minutos.</translation>
    </message>
    <message>
      <source>The minimum price is above the maximum price.</source>
      <translation>El precio mínimo es mayor que el precio máximo.</translation>
    </message>
    <message>
      <source>The minimum rating is a number of stars from 1 to {n}.</source>
      <translation>La valoración mínima es un número de estrellas de 1 a {n}.</translation>
    </message>
    <message>
      <source>The new password must differ from the current one.</source>
      <translation>La contraseña nueva debe ser distinta de la actual.</translation>
    </message>
    <message>
      <source>The new start time</source>
      <translation>La nueva hora de inicio</translation>
    </message>
    <message>
      <source>the other party</source>
      <translation>la otra parte</translation>
    </message>
    <message>
      <source>The password must have at least {n} characters.</source>
      <translation>La contraseña debe tener al menos {n} caracteres.</translation>
    </message>
    <message>
      <source>The password must have at most {n} characters.</source>
      <translation>La contraseña debe tener como máximo {n} caracteres.</translation>
    </message>
    <message>
      <source>The password store cannot be loaded ({error}); check PYTHON_KEYRING_BACKEND and the keyring configuration.</source>
      <translation>No se puede cargar el almacén de contraseñas ({error}); revisa PYTHON_KEYRING_BACKEND y la configuración del llavero.</translation>
    </message>
    <message>
      <source>The password the admin gave you</source>
      <translation>La contraseña que te dio el administrador</translation>
    </message>
    <message>
      <source>The payment could not be started because Stripe did not answer; nothing was charged. You can pay again.</source>
      <translation>No se pudo iniciar el pago porque Stripe no respondió; no se ha cobrado nada. Puedes volver a pagar.</translation>
    </message>
    <message>
      <source>The payment deadline for this booking has passed.</source>
      <translation>El plazo de pago de esta reserva ha vencido.</translation>
    </message>
    <message>
      <source>The payment filter is not a PaymentFilter.</source>
      <translation>El filtro de pagos no es un PaymentFilter.</translation>
    </message>
    <message>
      <source>The payment is being refunded to {other}. Stripe is still processing the refund; it can take a few days.</source>
      <translation>Se está reembolsando el pago a {other}. Stripe aún está procesando el reembolso; puede tardar unos días.</translation>
    </message>
    <message>
      <source>The payment is refunded to {other}.</source>
      <translation>El pago se ha reembolsado a {other}.</translation>
    </message>
    <message>
      <source>The payment is still being started with Stripe. Please try again in a minute.</source>
      <translation>El pago todavía se está iniciando con Stripe. Inténtalo de nuevo dentro de un minuto.</translation>
    </message>
    <message>
      <source>The payment no longer needs a refund here.</source>
      <translation>El pago ya no necesita un reembolso aquí.</translation>
    </message>
    <message>
      <source>The payment was cancelled; nothing was charged. You can pay again.</source>
      <translation>El pago se canceló; no se ha cobrado nada. Puedes volver a pagar.</translation>
    </message>
    <message>
      <source>The payment was not completed. Please try again, possibly with another card.</source>
      <translation>El pago no se completó. Inténtalo de nuevo, quizá con otra tarjeta.</translation>
    </message>
    <message>
      <source>The payment went through at Stripe after the booking was closed; an administrator will refund it.</source>
      <translation>El pago se realizó en Stripe después de cerrarse la reserva; un administrador lo reembolsará.</translation>
    </message>
    <message>
      <source>The payments could not be loaded.</source>
      <translation>No se pudieron cargar los pagos.</translation>
    </message>
    <message>
      <source>The payments sandbox could not start; the details are in {path}.</source>
      <translation>El entorno de pruebas de pagos no pudo iniciarse; los detalles están en {path}.</translation>
    </message>
    <message>
      <source>The payments sandbox's keys in {path} cannot be read. Delete that file: new keys are made on the next start.</source>
      <translation>No se pueden leer las claves del entorno de pruebas de pagos en {path}. Borra ese archivo: se crearán claves nuevas en el próximo inicio.</translation>
    </message>
    <message>
      <source>The payout could not be recorded; try again.</source>
      <translation>No se pudo registrar el pago al profesor; inténtalo de nuevo.</translation>
    </message>
    <message>
      <source>The photo cannot be read as an image; it may be damaged.</source>
      <translation>La foto no se puede leer como imagen; puede que esté dañada.</translation>
    </message>
    <message>
      <source>The photo file is empty.</source>
      <translation>El archivo de la foto está vacío.</translation>
    </message>
    <message>
      <source>The photo is not a PNG or JPEG image.</source>
      <translation>La foto no es una imagen PNG ni JPEG.</translation>
    </message>
    <message>
      <source>The photo is too large ({size} KB; at most {limit} KB): choose a smaller picture.</source>
      <translation>La foto es demasiado grande ({size} KB; como máximo {limit} KB): elige una imagen más pequeña.</translation>
    </message>
    <message>
      <source>The photo is {width} x {height} pixels; at most {side} x {side} is stored.</source>
      <translation>La foto mide {width} x {height} píxeles; se guarda como máximo {side} x {side}.</translation>
    </message>
    <message>
      <source>The photo must be an image file's contents.</source>
      <translation>La foto debe ser el contenido de un archivo de imagen.</translation>
    </message>
    <message>
      <source>The picture could not be converted; try a PNG or JPEG file.</source>
      <translation>No se pudo convertir la imagen; prueba con un archivo PNG o JPEG.</translation>
    </message>
    <message>
      <source>The picture {name} is too large ({size} MB; at most {limit} MB).</source>
      <translation>La imagen {name} es demasiado grande ({size} MB; máximo {limit} MB).</translation>
    </message>
    <message>
      <source>The price could not be worked out.</source>
      <translation>No se pudo calcular el precio.</translation>
    </message>
    <message>
      <source>The profile was not saved; see the marked fields.</source>
      <translation>El perfil no se guardó; revisa los campos marcados.</translation>
    </message>
    <message>
      <source>The proposed time is now too close to accept.</source>
      <translation>La hora propuesta ya está demasiado cerca para aceptarla.</translation>
    </message>
    <message>
      <source>The publishable key belongs to another Stripe account than the secret key: use both keys of one account.</source>
      <translation>La clave publicable pertenece a una cuenta de Stripe distinta de la de la clave secreta: usa las dos claves de una misma cuenta.</translation>
    </message>
    <message>
      <source>The publishable key has been revoked or has expired: create a new one in the Stripe Dashboard and enter it in Settings.</source>
      <translation>La clave publicable se ha revocado o ha caducado: crea una nueva en el Dashboard de Stripe e introdúcela en Ajustes.</translation>
    </message>
    <message>
      <source>The publishable key must start with pk_test_ or pk_live_.</source>
      <translation>La clave publicable debe empezar por pk_test_ o pk_live_.</translation>
    </message>
    <message>
      <source>The refund is no longer waiting: it was recorded meanwhile.</source>
      <translation>El reembolso ya no está en espera: se registró mientras tanto.</translation>
    </message>
    <message>
      <source>The refund must be a positive whole number of minor units.</source>
      <translation>El reembolso debe ser un número entero positivo de unidades menores.</translation>
    </message>
    <message>
      <source>The refund was found at Stripe and recorded: Stripe says {status}.</source>
      <translation>El reembolso se encontró en Stripe y se registró: Stripe indica {status}.</translation>
    </message>
    <message>
      <source>The refund was sent to Stripe: Stripe says {status}.</source>
      <translation>El reembolso se envió a Stripe: Stripe indica {status}.</translation>
    </message>
    <message>
      <source>The request from {other} expired</source>
      <translation>La solicitud de {other} ha caducado</translation>
    </message>
    <message>
      <source>The restricted key lacks a permission this app needs ({needs}): grant it in the Stripe Dashboard, or use the secret key.</source>
      <translation>A la clave restringida le falta un permiso que necesita esta aplicación ({needs}): concédelo en el Dashboard de Stripe o usa la clave secreta.</translation>
    </message>
    <message>
      <source>The revenue report could not be made.</source>
      <translation>No se pudo generar el informe de ingresos.</translation>
    </message>
    <message>
      <source>The review is hidden; its author was told why.</source>
      <translation>La reseña está oculta; se ha explicado el motivo a su autor.</translation>
    </message>
    <message>
      <source>The search could not be run.</source>
      <translation>No se pudo hacer la búsqueda.</translation>
    </message>
    <message>
      <source>The secret key has been revoked or has expired: create a new one in the Stripe Dashboard and enter it in Settings.</source>
      <translation>La clave secreta se ha revocado o ha caducado: crea una nueva en el Dashboard de Stripe e introdúcela en Ajustes.</translation>
    </message>
    <message>
      <source>The secret key must start with sk_test_, sk_live_, rk_test_ or rk_live_.</source>
      <translation>La clave secreta debe empezar por sk_test_, sk_live_, rk_test_ o rk_live_.</translation>
    </message>
    <message>
      <source>The session ended.</source>
      <translation>La clase terminó.</translation>
    </message>
    <message>
      <source>The session has a new time (was {was}).</source>
      <translation>La clase tiene una nueva hora (antes: {was}).</translation>
    </message>
    <message>
      <source>The session has a new time.</source>
      <translation>La clase tiene una nueva hora.</translation>
    </message>
    <message>
      <source>The session has not ended yet.</source>
      <translation>La clase aún no ha terminado.</translation>
    </message>
    <message>
      <source>The session is cancelled and you get a full refund ({amount}).</source>
      <translation>La clase está cancelada y recibes un reembolso completo ({amount}).</translation>
    </message>
    <message>
      <source>The session is marked completed.</source>
      <translation>La clase está marcada como completada.</translation>
    </message>
    <message>
      <source>The session price rounds to nothing; choose a longer session.</source>
      <translation>El precio de la clase se redondea a cero; elige una clase más larga.</translation>
    </message>
    <message>
      <source>The session stays booked and its meeting link does not change.</source>
      <translation>La clase sigue reservada y su enlace de la reunión no cambia.</translation>
    </message>
    <message>
      <source>The session was cancelled and the student refunded in full.</source>
      <translation>La clase se canceló y se reembolsó el total al estudiante.</translation>
    </message>
    <message>
      <source>The session was not paid by its payment deadline, so it is cancelled.</source>
      <translation>La clase no se pagó antes de la fecha límite de pago, así que está cancelada.</translation>
    </message>
    <message>
      <source>The session was opened in your browser.</source>
      <translation>La clase se abrió en tu navegador.</translation>
    </message>
    <message>
      <source>The sessions of this period, to a CSV file</source>
      <translation>Las clases de este periodo, en un archivo CSV</translation>
    </message>
    <message>
      <source>The settings to save are not StoredSettings.</source>
      <translation>Los ajustes que se van a guardar no son StoredSettings.</translation>
    </message>
    <message>
      <source>The SMTP port must be a whole number.</source>
      <translation>El puerto SMTP debe ser un número entero.</translation>
    </message>
    <message>
      <source>The SMTP port must be between 1 and 65535.</source>
      <translation>El puerto SMTP debe estar entre 1 y 65535.</translation>
    </message>
    <message>
      <source>The start of the window</source>
      <translation>El inicio del intervalo</translation>
    </message>
    <message>
      <source>The start time</source>
      <translation>La hora de inicio</translation>
    </message>
    <message>
      <source>The statement could not be made.</source>
      <translation>No se ha podido preparar el extracto.</translation>
    </message>
    <message>
      <source>The statement could not be written to {path} ({reason}).</source>
      <translation>No se ha podido guardar el extracto en {path} ({reason}).</translation>
    </message>
    <message>
      <source>The statement could not be written to {path}.</source>
      <translation>No se ha podido guardar el extracto en {path}.</translation>
    </message>
    <message>
      <source>The Stripe keys work (live mode).</source>
      <translation>Las claves de Stripe funcionan (modo real).</translation>
    </message>
    <message>
      <source>The Stripe keys work (sandbox).</source>
      <translation>Las claves de Stripe funcionan (entorno de pruebas).</translation>
    </message>
    <message>
      <source>The Stripe keys work (test mode).</source>
      <translation>Las claves de Stripe funcionan (modo de prueba).</translation>
    </message>
    <message>
      <source>The Stripe sandbox could not be reset: {error}</source>
      <translation>No se pudo restablecer el entorno de pruebas de Stripe: {error}</translation>
    </message>
    <message>
      <source>The student and the teacher join from their booking.</source>
      <translation>El estudiante y el profesor se unen desde su reserva.</translation>
    </message>
    <message>
      <source>The student is refunded in full, and reads your reason (required). A cancelled session cannot be restored.</source>
      <translation>Se reembolsa el total al estudiante, que leerá tu motivo (obligatorio). Una clase cancelada no se puede recuperar.</translation>
    </message>
    <message>
      <source>The student's reason: {reason}</source>
      <translation>Motivo del estudiante: {reason}</translation>
    </message>
    <message>
      <source>The table as shown, to a CSV file</source>
      <translation>La tabla tal como se ve, a un archivo CSV</translation>
    </message>
    <message>
      <source>The teacher did not answer the request in time.</source>
      <translation>El profesor no respondió a la solicitud a tiempo.</translation>
    </message>
    <message>
      <source>The teacher has not written more.</source>
      <translation>El profesor no ha escrito nada más.</translation>
    </message>
    <message>
      <source>The teacher is not available at that time.</source>
      <translation>El profesor no está disponible a esa hora.</translation>
    </message>
    <message>
      <source>The teacher's share of payments that succeeded in the period, less refunds.</source>
      <translation>La parte del profesor de los pagos completados en el periodo, menos los reembolsos.</translation>
    </message>
    <message>
      <source>The timeline could not be loaded.</source>
      <translation>No se pudo cargar la cronología.</translation>
    </message>
    <message>
      <source>The two new passwords do not match.</source>
      <translation>Las dos contraseñas nuevas no coinciden.</translation>
    </message>
    <message>
      <source>The two passwords do not match.</source>
      <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
      <source>The updated calendar invitation is attached.</source>
      <translation>La invitación de calendario actualizada va adjunta.</translation>
    </message>
    <message>
      <source>The {what} cannot be empty.</source>
      <translation>El campo «{what}» no puede estar vacío.</translation>
    </message>
    <message>
      <source>The {what} contains an invisible control character ({code}) that cannot be stored; please remove it.</source>
      <translation>El campo «{what}» contiene un carácter de control invisible ({code}) que no se puede guardar; quítalo.</translation>
    </message>
    <message>
      <source>The {what} contains an invisible text-direction character ({code}) that changes how it reads; please remove it.</source>
      <translation>El campo «{what}» contiene un carácter invisible de dirección del texto ({code}) que cambia cómo se lee; quítalo.</translation>
    </message>
    <message>
      <source>The {what} is 1 character too long (at most {maximum}).</source>
      <translation>«{what}» tiene 1 carácter de más (máximo {maximum}).</translation>
    </message>
    <message>
      <source>The {what} is too long (at most {limit} characters).</source>
      <translation>El campo «{what}» es demasiado largo (como máximo {limit} caracteres).</translation>
    </message>
    <message>
      <source>The {what} is {over} characters too long (at most {maximum}).</source>
      <translation>«{what}» tiene {over} caracteres de más (máximo {maximum}).</translation>
    </message>
    <message>
      <source>The {what} must be a date.</source>
      <translation>El campo «{what}» debe ser una fecha.</translation>
    </message>
    <message>
      <source>The {what} must be a whole number.</source>
      <translation>El campo «{what}» debe ser un número entero.</translation>
    </message>
    <message>
      <source>The {what} must be between {minimum} and {maximum}.</source>
      <translation>El campo «{what}» debe estar entre {minimum} y {maximum}.</translation>
    </message>
    <message>
      <source>The {what} must be text.</source>
      <translation>El campo «{what}» debe ser texto.</translation>
    </message>
    <message>
      <source>The {what} must fit on one line; please remove the line break.</source>
      <translation>El campo «{what}» debe caber en una línea; quita el salto de línea.</translation>
    </message>
    <message>
      <source>The {what} must lie between {first} and {last}.</source>
      <translation>El campo «{what}» debe estar entre {first} y {last}.</translation>
    </message>
    <message>
      <source>Their reason: {reason}.</source>
      <translation>Su motivo: {reason}.</translation>
    </message>
    <message>
      <source>There is no job #{job_id}.</source>
      <translation>No existe la tarea n.º {job_id}.</translation>
    </message>
    <message>
      <source>There is no meeting link until the session is paid.</source>
      <translation>No hay enlace de la reunión hasta que la clase esté pagada.</translation>
    </message>
    <message>
      <source>There is no needs-attention rule named {name}.</source>
      <translation>No hay ninguna regla de «requiere atención» llamada {name}.</translation>
    </message>
    <message>
      <source>This account is suspended. Please contact the LinguaFlex team.</source>
      <translation>Esta cuenta está suspendida. Ponte en contacto con el equipo de LinguaFlex.</translation>
    </message>
    <message>
      <source>This booking can no longer be cancelled.</source>
      <translation>Esta reserva ya no se puede cancelar.</translation>
    </message>
    <message>
      <source>This booking has already been refunded in full.</source>
      <translation>Esta reserva ya se ha reembolsado por completo.</translation>
    </message>
    <message>
      <source>This booking has no meeting.</source>
      <translation>Esta reserva no tiene reunión.</translation>
    </message>
    <message>
      <source>This booking is already paid.</source>
      <translation>Esta reserva ya está pagada.</translation>
    </message>
    <message>
      <source>This booking is no longer paid; nothing can be refunded.</source>
      <translation>Esta reserva ya no está pagada; no se puede reembolsar nada.</translation>
    </message>
    <message>
      <source>This booking is not yours.</source>
      <translation>Esta reserva no es tuya.</translation>
    </message>
    <message>
      <source>This booking is paid: an admin cancels it by issuing a refund.</source>
      <translation>Esta reserva está pagada: un administrador la cancela emitiendo un reembolso.</translation>
    </message>
    <message>
      <source>This booking is paid: cancel it from My bookings (a full refund more than 24 hours before the start; later, ask for the cancellation).</source>
      <translation>Esta reserva está pagada: cancélala desde Mis reservas (reembolso completo con más de 24 horas de antelación; después, solicita la cancelación).</translation>
    </message>
    <message>
      <source>This booking is paid: cancelling it refunds the student in full.</source>
      <translation>Esta reserva está pagada: al cancelarla se reembolsa el importe completo al estudiante.</translation>
    </message>
    <message>
      <source>This booking is paid: it can only be cancelled with a refund.</source>
      <translation>Esta reserva está pagada: solo se puede cancelar con un reembolso.</translation>
    </message>
    <message>
      <source>This booking is {status}; it can no longer be moved.</source>
      <translation>Esta reserva está {status}; ya no se puede mover.</translation>
    </message>
    <message>
      <source>This cancellation request has already been answered.</source>
      <translation>Esta solicitud de cancelación ya se ha respondido.</translation>
    </message>
    <message>
      <source>This database has no accounts yet. Load demo data to try LinguaFlex with sample teachers, students and gigs.</source>
      <translation>Esta base de datos aún no tiene cuentas. Carga datos de demostración para probar LinguaFlex con profesores, estudiantes y ofertas de ejemplo.</translation>
    </message>
    <message>
      <source>This gig does not exist or is no longer offered.</source>
      <translation>Esta oferta no existe o ya no está disponible.</translation>
    </message>
    <message>
      <source>This gig is not offered at the moment.</source>
      <translation>Esta oferta no está disponible en este momento.</translation>
    </message>
    <message>
      <source>This gig is suspended and cannot be booked.</source>
      <translation>Esta oferta está suspendida y no se puede reservar.</translation>
    </message>
    <message>
      <source>This gig lasts {minimum} to {maximum} minutes in steps of {step}; {duration} is not offered.</source>
      <translation>Esta oferta dura de {minimum} a {maximum} minutos en pasos de {step}; {duration} no está disponible.</translation>
    </message>
    <message>
      <source>This meeting is on Zoom, but Zoom is not configured here (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET).</source>
      <translation>Esta reunión está en Zoom, pero Zoom no está configurado aquí (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET).</translation>
    </message>
    <message>
      <source>This message has no calendar invitation.</source>
      <translation>Este mensaje no tiene invitación de calendario.</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>Este mes</translation>
    </message>
    <message>
      <source>This no longer needs attention.</source>
      <translation>Esto ya no requiere atención.</translation>
    </message>
    <message>
      <source>This payment attempt was closed meanwhile; please pay again.</source>
      <translation>Este intento de pago se cerró mientras tanto; vuelve a pagar.</translation>
    </message>
    <message>
      <source>This payment has no Stripe PaymentIntent.</source>
      <translation>Este pago no tiene un PaymentIntent de Stripe.</translation>
    </message>
    <message>
      <source>This payment is not yours.</source>
      <translation>Este pago no es tuyo.</translation>
    </message>
    <message>
      <source>This payout request was already used for a different payout.</source>
      <translation>Esta solicitud ya se usó para otro pago al profesor.</translation>
    </message>
    <message>
      <source>This proposal is no longer open.</source>
      <translation>Esta propuesta ya no está abierta.</translation>
    </message>
    <message>
      <source>This request has expired; it can no longer be confirmed.</source>
      <translation>Esta solicitud ha caducado; ya no se puede confirmar.</translation>
    </message>
    <message>
      <source>This review is already hidden.</source>
      <translation>Esta reseña ya está oculta.</translation>
    </message>
    <message>
      <source>This review is hidden; it cannot be answered.</source>
      <translation>Esta reseña está oculta; no se puede responder.</translation>
    </message>
    <message>
      <source>This session is already completed.</source>
      <translation>Esta clase ya está completada.</translation>
    </message>
    <message>
      <source>This session is cancelled.</source>
      <translation>Esta clase está cancelada.</translation>
    </message>
    <message>
      <source>This session is cancelled. Reason: {reason}.</source>
      <translation>Esta clase está cancelada. Motivo: {reason}.</translation>
    </message>
    <message>
      <source>This session starts more than 24 hours from now: cancel it yourself for a full refund.</source>
      <translation>Esta clase empieza dentro de más de 24 horas: cancélala tú mismo para obtener un reembolso completo.</translation>
    </message>
    <message>
      <source>This session starts within 24 hours, so it is no longer refunded automatically: ask for the cancellation instead.</source>
      <translation>Esta clase empieza dentro de menos de 24 horas, así que ya no se reembolsa automáticamente: solicita la cancelación en su lugar.</translation>
    </message>
    <message>
      <source>This teacher has not written about themselves yet.</source>
      <translation>Este profesor aún no ha escrito nada sobre sí mismo.</translation>
    </message>
    <message>
      <source>This teacher is not taking bookings at the moment.</source>
      <translation>Este profesor no acepta reservas en este momento.</translation>
    </message>
    <message>
      <source>This teacher offers no gigs at the moment.</source>
      <translation>Este profesor no tiene ofertas en este momento.</translation>
    </message>
    <message>
      <source>This week</source>
      <translation>Esta semana</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>Este año</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>jue</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Hora</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>Zona horaria</translation>
    </message>
    <message>
      <source>Timeline…</source>
      <translation>Cronología…</translation>
    </message>
    <message>
      <source>Times are shown in your time zone, {zone}.</source>
      <translation>Las horas se muestran en tu zona horaria, {zone}.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <source>title</source>
      <translation>título</translation>
    </message>
    <message>
      <source>TLS with the mail server failed ({reason}).</source>
      <translation>Falló TLS con el servidor de correo ({reason}).</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Hasta</translation>
    </message>
    <message>
      <source>to</source>
      <translation>a</translation>
    </message>
    <message>
      <source>To host, use Start on the booking in LinguaFlex (it opens a fresh link).</source>
      <translation>Para ser el anfitrión, usa Iniciar en la reserva en LinguaFlex (abre un enlace nuevo).</translation>
    </message>
    <message>
      <source>to the student: “{message}”</source>
      <translation>al estudiante: “{message}”</translation>
    </message>
    <message>
      <source>Too many codes were asked for in the last hour; please wait a while and try again.</source>
      <translation>Se han pedido demasiados códigos en la última hora; espera un rato y vuelve a intentarlo.</translation>
    </message>
    <message>
      <source>Too many failed sign-in attempts. Try again in 1 minute.</source>
      <translation>Demasiados intentos fallidos de inicio de sesión. Vuelve a intentarlo dentro de 1 minuto.</translation>
    </message>
    <message>
      <source>Too many failed sign-in attempts. Try again in {minutes} minutes.</source>
      <translation>Demasiados intentos fallidos de inicio de sesión. Vuelve a intentarlo dentro de {minutes} minutos.</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <source>Totals per currency</source>
      <translation>Totales por moneda</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>Intentar de nuevo</translation>
    </message>
    <message>
      <source>Try again, or choose another card.</source>
      <translation>Inténtalo de nuevo o elige otra tarjeta.</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>mar</translation>
    </message>
    <message>
      <source>Two ranges on the same day overlap; merge them.</source>
      <translation>Dos franjas del mismo día se solapan; únelas.</translation>
    </message>
    <message>
      <source>Type to replace the stored value</source>
      <translation>Escribe para sustituir el valor guardado</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>desconocido</translation>
    </message>
    <message>
      <source>Unknown country {value}; choose one from the list.</source>
      <translation>País desconocido: {value}; elige uno de la lista.</translation>
    </message>
    <message>
      <source>Unknown job state {state}; use one of {names}.</source>
      <translation>Estado de tarea desconocido: {state}; usa uno de estos: {names}.</translation>
    </message>
    <message>
      <source>Unknown level {level} for {language}; choose one of {levels}.</source>
      <translation>Nivel desconocido {level} para {language}; elige uno de estos: {levels}.</translation>
    </message>
    <message>
      <source>Unknown level {value}; choose one of {choices}.</source>
      <translation>Nivel desconocido: {value}; elige uno de estos: {choices}.</translation>
    </message>
    <message>
      <source>Unknown or unsupported currency: {currency}.</source>
      <translation>Moneda desconocida o no admitida: {currency}.</translation>
    </message>
    <message>
      <source>unknown reason</source>
      <translation>motivo desconocido</translation>
    </message>
    <message>
      <source>Unknown role {role}; choose student or teacher.</source>
      <translation>Rol desconocido: {role}; elige estudiante o profesor.</translation>
    </message>
    <message>
      <source>Unknown sort {sort}; use one of {sorts}.</source>
      <translation>Orden desconocido: {sort}; usa uno de estos: {sorts}.</translation>
    </message>
    <message>
      <source>Unknown time zone {name}.</source>
      <translation>Zona horaria desconocida: {name}.</translation>
    </message>
    <message>
      <source>Unknown time zone: {key}.</source>
      <translation>Zona horaria desconocida: {key}.</translation>
    </message>
    <message>
      <source>Unknown {what} {value}.</source>
      <translation>Valor desconocido para «{what}»: {value}.</translation>
    </message>
    <message>
      <source>Unpaid</source>
      <translation>Sin pagar</translation>
    </message>
    <message>
      <source>unpaid</source>
      <translation>sin pagar</translation>
    </message>
    <message>
      <source>Unpaid past its deadline</source>
      <translation>Sin pagar tras el plazo</translation>
    </message>
    <message>
      <source>unread</source>
      <translation>sin leer</translation>
    </message>
    <message>
      <source>Upcoming</source>
      <translation>Próximo</translation>
    </message>
    <message>
      <source>Upcoming</source>
      <comment>bookings</comment>
      <translation>Próximas</translation>
    </message>
    <message>
      <source>Upcoming ({sessions})</source>
      <translation>Próximas ({sessions})</translation>
    </message>
    <message>
      <source>Upcoming income: {amounts}</source>
      <translation>Ingresos próximos: {amounts}</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>Actualizado</translation>
    </message>
    <message>
      <source>User</source>
      <translation>Usuario</translation>
    </message>
    <message>
      <source>user</source>
      <translation>usuario</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Nombre de usuario</translation>
    </message>
    <message>
      <source>Users</source>
      <translation>Usuarios</translation>
    </message>
    <message>
      <source>users</source>
      <translation>usuarios</translation>
    </message>
    <message>
      <source>Verify again</source>
      <translation>Verificar de nuevo</translation>
    </message>
    <message>
      <source>Verify with Stripe</source>
      <translation>Verificar con Stripe</translation>
    </message>
    <message>
      <source>Very good</source>
      <translation>Muy buena</translation>
    </message>
    <message>
      <source>View</source>
      <translation>Vista</translation>
    </message>
    <message>
      <source>Visible to students in search</source>
      <translation>Visible para los estudiantes en la búsqueda</translation>
    </message>
    <message>
      <source>Waiting</source>
      <translation>En espera</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>en espera</translation>
    </message>
    <message>
      <source>Waiting for an answer</source>
      <translation>Esperando respuesta</translation>
    </message>
    <message>
      <source>Waiting for an answer from the teacher or LinguaFlex.</source>
      <translation>Esperando la respuesta del profesor o de LinguaFlex.</translation>
    </message>
    <message>
      <source>waiting for confirmation</source>
      <translation>esperando confirmación</translation>
    </message>
    <message>
      <source>Waiting for Stripe to confirm the payment…</source>
      <translation>Esperando a que Stripe confirme el pago…</translation>
    </message>
    <message>
      <source>Waiting for Stripe to make the refund. You can close this window: the refund goes on, and the payments list shows how it ended.</source>
      <translation>Esperando a que Stripe haga el reembolso. Puede cerrar esta ventana: el reembolso sigue su curso y la lista de pagos muestra cómo terminó.</translation>
    </message>
    <message>
      <source>Waiting for Stripe to say how your payment stands. You can close this window and continue from My bookings.</source>
      <translation>Esperando a que Stripe diga en qué punto está su pago. Puede cerrar esta ventana y continuar desde Mis reservas.</translation>
    </message>
    <message>
      <source>Waiting for Stripe to take the payment. You can close this window: the payment goes on, and My bookings shows how it ended.</source>
      <translation>Esperando a que Stripe cobre el pago. Puede cerrar esta ventana: el pago sigue su curso y Mis reservas muestra cómo terminó.</translation>
    </message>
    <message>
      <source>Waiting for teacher</source>
      <translation>Esperando al profesor</translation>
    </message>
    <message>
      <source>Waiting for the provider: {reason}</source>
      <translation>Esperando al proveedor: {reason}</translation>
    </message>
    <message>
      <source>waiting for the teacher</source>
      <translation>pendiente del profesor</translation>
    </message>
    <message>
      <source>Waiting for you to finish on Stripe's page…</source>
      <translation>Esperando a que termines en la página de Stripe…</translation>
    </message>
    <message>
      <source>Waiting for you to finish on Stripe's page… Enter your card in the browser window that just opened. This window closes by itself when Stripe has saved the card.</source>
      <translation>Esperando a que termines en la página de Stripe… Introduce tu tarjeta en la ventana del navegador que se acaba de abrir. Esta ventana se cierra sola cuando Stripe haya guardado la tarjeta.</translation>
    </message>
    <message>
      <source>Waiting for {time}</source>
      <translation>Tiempo de espera: {time}</translation>
    </message>
    <message>
      <source>waiting to be sent</source>
      <translation>esperando a enviarse</translation>
    </message>
    <message>
      <source>We hope it went well. You can rate the session in LinguaFlex.</source>
      <translation>Esperamos que haya ido bien. Puedes valorar la clase en LinguaFlex.</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>mié</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Semana</translation>
    </message>
    <message>
      <source>Week of {day}</source>
      <translation>Semana del {day}</translation>
    </message>
    <message>
      <source>weekday</source>
      <translation>día de la semana</translation>
    </message>
    <message>
      <source>Weekday evenings (Mon-Fri 17:00-21:00)</source>
      <translation>Tardes entre semana (lun-vie 17:00-21:00)</translation>
    </message>
    <message>
      <source>Weekday mornings (Mon-Fri 8:00-12:00)</source>
      <translation>Mañanas entre semana (lun-vie 8:00-12:00)</translation>
    </message>
    <message>
      <source>Weekdays go from 0 (Monday) to 6 (Sunday).</source>
      <translation>Los días de la semana van de 0 (lunes) a 6 (domingo).</translation>
    </message>
    <message>
      <source>Weekend (all day)</source>
      <translation>Fin de semana (todo el día)</translation>
    </message>
    <message>
      <source>Weekly hours</source>
      <translation>Horario semanal</translation>
    </message>
    <message>
      <source>Weekly hours saved.</source>
      <translation>Horario semanal guardado.</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Qué</translation>
    </message>
    <message>
      <source>What this refund does</source>
      <translation>Qué hace este reembolso</translation>
    </message>
    <message>
      <source>What will a session look like? Who is it for? What should students prepare?</source>
      <translation>¿Cómo será una clase? ¿Para quién es? ¿Qué deben preparar los estudiantes?</translation>
    </message>
    <message>
      <source>What's wrong</source>
      <translation>Qué falla</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Cuándo</translation>
    </message>
    <message>
      <source>When ({zone})</source>
      <translation>Cuándo ({zone})</translation>
    </message>
    <message>
      <source>When you are free, in your time zone ({zone})</source>
      <translation>Cuándo estás libre, en tu zona horaria ({zone})</translation>
    </message>
    <message>
      <source>When: {when}</source>
      <translation>Cuándo: {when}</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Quién</translation>
    </message>
    <message>
      <source>with {name}</source>
      <translation>con {name}</translation>
    </message>
    <message>
      <source>with {teacher} · {rate} / h</source>
      <translation>con {teacher} · {rate} / h</translation>
    </message>
    <message>
      <source>Without an SMTP server, notifications stay in the in-app inbox.</source>
      <translation>Sin servidor SMTP, los avisos se quedan en la bandeja de entrada de la aplicación.</translation>
    </message>
    <message>
      <source>Without both Stripe keys, payments run in the built-in sandbox.</source>
      <translation>Sin las dos claves de Stripe, los pagos funcionan en el entorno de pruebas integrado.</translation>
    </message>
    <message>
      <source>Worker batch size and delays must be positive.</source>
      <translation>El tamaño de lote y las esperas del proceso de trabajo deben ser positivos.</translation>
    </message>
    <message>
      <source>Working out the price…</source>
      <translation>Calculando el precio…</translation>
    </message>
    <message>
      <source>Write a message…</source>
      <translation>Escribe un mensaje…</translation>
    </message>
    <message>
      <source>Write to {name}…</source>
      <translation>Escribe a {name}…</translation>
    </message>
    <message>
      <source>Wrong email or password.</source>
      <translation>Correo electrónico o contraseña incorrectos.</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Sí</translation>
    </message>
    <message>
      <source>You can only edit your own gigs.</source>
      <translation>Solo puedes editar tus propias ofertas.</translation>
    </message>
    <message>
      <source>You can only list your own bookings.</source>
      <translation>Solo puedes ver tus propias reservas.</translation>
    </message>
    <message>
      <source>You can only see your own account.</source>
      <translation>Solo puedes ver tu propia cuenta.</translation>
    </message>
    <message>
      <source>You cancelled more than 24 hours before the start: full refund under the cancellation policy.</source>
      <translation>Cancelaste más de 24 horas antes del inicio: reembolso completo según la política de cancelación.</translation>
    </message>
    <message>
      <source>You cannot book your own gig.</source>
      <translation>No puedes reservar tu propia oferta.</translation>
    </message>
    <message>
      <source>You cannot suspend your own account.</source>
      <translation>No puedes suspender tu propia cuenta.</translation>
    </message>
    <message>
      <source>You declined the request. Reason: {reason}.</source>
      <translation>Has rechazado la solicitud. Motivo: {reason}.</translation>
    </message>
    <message>
      <source>You declined {other}'s request</source>
      <translation>Has rechazado la solicitud de {other}</translation>
    </message>
    <message>
      <source>You did not answer this request in time, so it expired.</source>
      <translation>No respondiste a esta solicitud a tiempo, así que ha caducado.</translation>
    </message>
    <message>
      <source>You get a partial refund of {amount}. The session stays booked: you may still attend it.</source>
      <translation>Recibes un reembolso parcial de {amount}. La clase sigue reservada: aún puedes asistir.</translation>
    </message>
    <message>
      <source>You have already answered this review.</source>
      <translation>Ya has respondido a esta reseña.</translation>
    </message>
    <message>
      <source>You have already asked to cancel this booking.</source>
      <translation>Ya has pedido cancelar esta reserva.</translation>
    </message>
    <message>
      <source>You have already rated this session.</source>
      <translation>Ya has valorado esta clase.</translation>
    </message>
    <message>
      <source>You have no gigs yet.
Create one to appear in students' search results.</source>
      <translation>Aún no tienes ofertas.
Crea una para aparecer en las búsquedas de los estudiantes.</translation>
    </message>
    <message>
      <source>You have no saved card yet. Add one under Payment methods, then pay.</source>
      <translation>Aún no tienes ninguna tarjeta guardada. Añade una en Métodos de pago y luego paga.</translation>
    </message>
    <message>
      <source>You have now paid {remaining} of the original {total}.</source>
      <translation>Ahora has pagado {remaining} del total original de {total}.</translation>
    </message>
    <message>
      <source>You have signed out.</source>
      <translation>Has cerrado sesión.</translation>
    </message>
    <message>
      <source>You keep</source>
      <translation>Te quedas</translation>
    </message>
    <message>
      <source>You proposed a new time: {when}. Waiting for the other party.</source>
      <translation>Propusiste una nueva hora: {when}. Esperando a la otra parte.</translation>
    </message>
    <message>
      <source>You proposed this time; the other party decides.</source>
      <translation>Tú propusiste esta hora; decide la otra parte.</translation>
    </message>
    <message>
      <source>You type the card number in your browser, on Stripe's secure page. LinguaFlex keeps only the brand, the last 4 digits and the expiry date.</source>
      <translation>Escribes el número de la tarjeta en tu navegador, en la página segura de Stripe. LinguaFlex solo guarda la marca, los 4 últimos dígitos y la fecha de caducidad.</translation>
    </message>
    <message>
      <source>you@example.com</source>
      <translation>tu@ejemplo.com</translation>
    </message>
    <message>
      <source>Your account is not active.</source>
      <translation>Tu cuenta no está activa.</translation>
    </message>
    <message>
      <source>Your answer</source>
      <translation>Tu respuesta</translation>
    </message>
    <message>
      <source>Your answer is posted.</source>
      <translation>Tu respuesta está publicada.</translation>
    </message>
    <message>
      <source>Your bank asks you to confirm this payment in the browser (3-D Secure).</source>
      <translation>Tu banco te pide que confirmes este pago en el navegador (3-D Secure).</translation>
    </message>
    <message>
      <source>Your bank asks you to confirm this payment. Finish the check in the browser window that just opened; this window updates by itself.</source>
      <translation>Tu banco te pide que confirmes este pago. Termina la comprobación en la ventana del navegador que se acaba de abrir; esta ventana se actualiza sola.</translation>
    </message>
    <message>
      <source>Your bank could not confirm it was you. Try again or use another card.</source>
      <translation>Tu banco no pudo confirmar que eras tú. Inténtalo de nuevo o usa otra tarjeta.</translation>
    </message>
    <message>
      <source>Your bank's verification was not finished within 30 minutes, so the payment attempt was cancelled; nothing was charged. You can pay again.</source>
      <translation>La verificación de tu banco no se terminó en 30 minutos, así que se canceló el intento de pago; no se ha cobrado nada. Puedes volver a pagar.</translation>
    </message>
    <message>
      <source>Your browser could not be opened. Copy this address into it:</source>
      <translation>No se pudo abrir tu navegador. Copia en él esta dirección:</translation>
    </message>
    <message>
      <source>Your browser could not be opened. Open this address: {url}</source>
      <translation>No se ha podido abrir tu navegador. Abre esta dirección: {url}</translation>
    </message>
    <message>
      <source>Your cancellation request was accepted: full refund.</source>
      <translation>Se aceptó tu solicitud de cancelación: reembolso completo.</translation>
    </message>
    <message>
      <source>Your cancellation request was answered with a partial refund.</source>
      <translation>Tu solicitud de cancelación se respondió con un reembolso parcial.</translation>
    </message>
    <message>
      <source>Your card could not be charged because of a processing error. Please try again in a moment.</source>
      <translation>No se pudo cobrar en tu tarjeta por un error de procesamiento. Inténtalo de nuevo en un momento.</translation>
    </message>
    <message>
      <source>Your card has expired. Use another card.</source>
      <translation>Tu tarjeta ha caducado. Usa otra tarjeta.</translation>
    </message>
    <message>
      <source>Your card has insufficient funds. Use another card.</source>
      <translation>Tu tarjeta no tiene fondos suficientes. Usa otra tarjeta.</translation>
    </message>
    <message>
      <source>Your card number was not accepted. Use another card.</source>
      <translation>No se aceptó el número de tu tarjeta. Usa otra tarjeta.</translation>
    </message>
    <message>
      <source>Your card was declined.</source>
      <translation>Tu tarjeta fue rechazada.</translation>
    </message>
    <message>
      <source>Your card's expiry date was not accepted. Use another card.</source>
      <translation>No se aceptó la fecha de caducidad de tu tarjeta. Usa otra tarjeta.</translation>
    </message>
    <message>
      <source>Your card's limit has been reached. Use another card.</source>
      <translation>Tu tarjeta ha alcanzado su límite. Usa otra tarjeta.</translation>
    </message>
    <message>
      <source>Your card's security code was not accepted. Use another card.</source>
      <translation>No se aceptó el código de seguridad de tu tarjeta. Usa otra tarjeta.</translation>
    </message>
    <message>
      <source>Your cards could not be loaded.</source>
      <translation>No se han podido cargar tus tarjetas.</translation>
    </message>
    <message>
      <source>Your confirmation code is {code}.</source>
      <translation>Tu código de confirmación es {code}.</translation>
    </message>
    <message>
      <source>Your current password</source>
      <translation>Tu contraseña actual</translation>
    </message>
    <message>
      <source>Your e-mail address is now {email}.</source>
      <translation>Tu correo electrónico ahora es {email}.</translation>
    </message>
    <message>
      <source>Your earnings could not be loaded.</source>
      <translation>No se han podido cargar tus ingresos.</translation>
    </message>
    <message>
      <source>Your LinguaFlex password reset code</source>
      <translation>Tu código para restablecer la contraseña de LinguaFlex</translation>
    </message>
    <message>
      <source>Your password reset code is {code}.</source>
      <translation>Tu código para restablecer la contraseña es {code}.</translation>
    </message>
    <message>
      <source>Your password was changed. Other computers must sign in again.</source>
      <translation>Tu contraseña se ha cambiado. En los demás ordenadores tendrás que volver a iniciar sesión.</translation>
    </message>
    <message>
      <source>Your password was changed. Sign in with the new one.</source>
      <translation>Tu contraseña se ha cambiado. Inicia sesión con la nueva.</translation>
    </message>
    <message>
      <source>Your payment of {amount} is being refunded. Stripe is still processing the refund; it can take a few days.</source>
      <translation>Se está reembolsando tu pago de {amount}. Stripe aún está procesando el reembolso; puede tardar unos días.</translation>
    </message>
    <message>
      <source>Your payment of {amount} is refunded.</source>
      <translation>Tu pago de {amount} está reembolsado.</translation>
    </message>
    <message>
      <source>Your payment of {amount} went through.</source>
      <translation>Tu pago de {amount} se ha completado.</translation>
    </message>
    <message>
      <source>Your request to cancel the session with {teacher} was answered</source>
      <translation>Se ha respondido a tu solicitud de cancelar la clase con {teacher}</translation>
    </message>
    <message>
      <source>Your request to cancel was sent to the teacher and LinguaFlex.</source>
      <translation>Tu solicitud de cancelación se envió al profesor y a LinguaFlex.</translation>
    </message>
    <message>
      <source>Your request to {other} expired</source>
      <translation>Tu solicitud a {other} ha caducado</translation>
    </message>
    <message>
      <source>Your review (optional): what went well, what could be better</source>
      <translation>Tu reseña (opcional): qué fue bien, qué podría mejorar</translation>
    </message>
    <message>
      <source>Your review of the session with {other} was hidden</source>
      <translation>Se ha ocultado tu reseña de la clase con {other}</translation>
    </message>
    <message>
      <source>Your role does not allow this.</source>
      <translation>Tu rol no permite hacer esto.</translation>
    </message>
    <message>
      <source>Your saved cards were changed at the same time. Please try again.</source>
      <translation>Tus tarjetas guardadas se modificaron al mismo tiempo. Inténtalo de nuevo.</translation>
    </message>
    <message>
      <source>Your saved sign-in is no longer valid. Please sign in again.</source>
      <translation>Tu sesión guardada ya no es válida. Vuelve a iniciar sesión.</translation>
    </message>
    <message>
      <source>Your saved sign-in is no longer valid; please sign in again.</source>
      <translation>Tu sesión guardada ya no es válida; vuelve a iniciar sesión.</translation>
    </message>
    <message>
      <source>Your session with {other} starts in 1 hour.</source>
      <translation>Tu clase con {other} empieza dentro de 1 hora.</translation>
    </message>
    <message>
      <source>Your session with {other} starts in 24 hours.</source>
      <translation>Tu clase con {other} empieza dentro de 24 horas.</translation>
    </message>
    <message>
      <source>Your share</source>
      <translation>Tu parte</translation>
    </message>
    <message>
      <source>Your share per month</source>
      <translation>Tu parte por mes</translation>
    </message>
    <message>
      <source>Your teacher cancelled the session, so you get a full refund.</source>
      <translation>Tu profesor canceló la clase, así que recibes un reembolso completo.</translation>
    </message>
    <message>
      <source>your time zone: {zone}</source>
      <translation>tu zona horaria: {zone}</translation>
    </message>
    <message>
      <source>Zoom account ID</source>
      <translation>ID de cuenta de Zoom</translation>
    </message>
    <message>
      <source>zoom account id</source>
      <translation>ID de cuenta de Zoom</translation>
    </message>
    <message>
      <source>Zoom client ID</source>
      <translation>ID de cliente de Zoom</translation>
    </message>
    <message>
      <source>zoom client id</source>
      <translation>ID de cliente de Zoom</translation>
    </message>
    <message>
      <source>Zoom client secret</source>
      <translation>Secreto de cliente de Zoom</translation>
    </message>
    <message>
      <source>zoom client secret</source>
      <translation>secreto de cliente de Zoom</translation>
    </message>
    <message>
      <source>Zoom could not be reached ({error}).</source>
      <translation>No se pudo contactar con Zoom ({error}).</translation>
    </message>
    <message>
      <source>Zoom could not create the meeting: {detail} {http}.</source>
      <translation>Zoom no pudo crear la reunión: {detail} {http}.</translation>
    </message>
    <message>
      <source>Zoom could not delete the meeting: {detail} {http}.</source>
      <translation>Zoom no pudo eliminar la reunión: {detail} {http}.</translation>
    </message>
    <message>
      <source>Zoom could not find the meeting: {detail} {http}.</source>
      <translation>Zoom no pudo encontrar la reunión: {detail} {http}.</translation>
    </message>
    <message>
      <source>Zoom could not list the meetings: {detail} {http}.</source>
      <translation>Zoom no pudo listar las reuniones: {detail} {http}.</translation>
    </message>
    <message>
      <source>Zoom could not move the meeting: {detail} {http}.</source>
      <translation>Zoom no pudo mover la reunión: {detail} {http}.</translation>
    </message>
    <message>
      <source>Zoom could not sign in: {detail} {http}.</source>
      <translation>Zoom no pudo iniciar sesión: {detail} {http}.</translation>
    </message>
    <message>
      <source>Zoom did not answer in time ({error}).</source>
      <translation>Zoom no respondió a tiempo ({error}).</translation>
    </message>
    <message>
      <source>Zoom had a problem (HTTP {status}); will try to create the meeting again later.</source>
      <translation>Zoom tuvo un problema (HTTP {status}); se volverá a intentar crear la reunión más tarde.</translation>
    </message>
    <message>
      <source>Zoom had a problem (HTTP {status}); will try to delete the meeting again later.</source>
      <translation>Zoom tuvo un problema (HTTP {status}); se volverá a intentar eliminar la reunión más tarde.</translation>
    </message>
    <message>
      <source>Zoom had a problem (HTTP {status}); will try to find the meeting again later.</source>
      <translation>Zoom tuvo un problema (HTTP {status}); se volverá a intentar encontrar la reunión más tarde.</translation>
    </message>
    <message>
      <source>Zoom had a problem (HTTP {status}); will try to list the meetings again later.</source>
      <translation>Zoom tuvo un problema (HTTP {status}); se volverá a intentar listar las reuniones más tarde.</translation>
    </message>
    <message>
      <source>Zoom had a problem (HTTP {status}); will try to move the meeting again later.</source>
      <translation>Zoom tuvo un problema (HTTP {status}); se volverá a intentar mover la reunión más tarde.</translation>
    </message>
    <message>
      <source>Zoom had a problem (HTTP {status}); will try to sign in again later.</source>
      <translation>Zoom tuvo un problema (HTTP {status}); se volverá a intentar iniciar sesión más tarde.</translation>
    </message>
    <message>
      <source>Zoom is limiting requests; will try to create the meeting again later ({detail}).</source>
      <translation>Zoom está limitando las solicitudes; se volverá a intentar crear la reunión más tarde ({detail}).</translation>
    </message>
    <message>
      <source>Zoom is limiting requests; will try to delete the meeting again later ({detail}).</source>
      <translation>Zoom está limitando las solicitudes; se volverá a intentar eliminar la reunión más tarde ({detail}).</translation>
    </message>
    <message>
      <source>Zoom is limiting requests; will try to find the meeting again later ({detail}).</source>
      <translation>Zoom está limitando las solicitudes; se volverá a intentar encontrar la reunión más tarde ({detail}).</translation>
    </message>
    <message>
      <source>Zoom is limiting requests; will try to list the meetings again later ({detail}).</source>
      <translation>Zoom está limitando las solicitudes; se volverá a intentar listar las reuniones más tarde ({detail}).</translation>
    </message>
    <message>
      <source>Zoom is limiting requests; will try to move the meeting again later ({detail}).</source>
      <translation>Zoom está limitando las solicitudes; se volverá a intentar mover la reunión más tarde ({detail}).</translation>
    </message>
    <message>
      <source>Zoom is limiting requests; will try to sign in again later ({detail}).</source>
      <translation>Zoom está limitando las solicitudes; se volverá a intentar iniciar sesión más tarde ({detail}).</translation>
    </message>
    <message>
      <source>Zoom is not configured (ZOOM_ACCOUNT_ID, CLIENT_ID, SECRET).</source>
      <translation>Zoom no está configurado (ZOOM_ACCOUNT_ID, CLIENT_ID, SECRET).</translation>
    </message>
    <message>
      <source>Zoom is used when account ID, client ID and client secret are all set; otherwise sessions get Jitsi links.</source>
      <translation>Se usa Zoom cuando el ID de cuenta, el ID de cliente y el secreto de cliente están definidos; si no, las clases reciben enlaces de Jitsi.</translation>
    </message>
    <message>
      <source>Zoom needs an account id, a client id and a client secret.</source>
      <translation>Zoom necesita un id de cuenta, un id de cliente y un secreto de cliente.</translation>
    </message>
    <message>
      <source>Zoom refused the app's credentials ({detail}): check the Zoom account id, client id and client secret.</source>
      <translation>Zoom rechazó las credenciales de la aplicación ({detail}): revisa el id de cuenta, el id de cliente y el secreto de cliente de Zoom.</translation>
    </message>
    <message>
      <source>Zoom's meeting answer lacked {field}.</source>
      <translation>A la respuesta de Zoom sobre la reunión le faltaba {field}.</translation>
    </message>
    <message>
      <source>Zoom's sign-in answer had no access token.</source>
      <translation>La respuesta de inicio de sesión de Zoom no traía ningún token de acceso.</translation>
    </message>
    <message>
      <source>{amount}</source>
      <translation>{amount}</translation>
    </message>
    <message>
      <source>{amount} / h</source>
      <translation>{amount} / h</translation>
    </message>
    <message>
      <source>{amount} in minor units (currency not recorded)</source>
      <translation>{amount} en unidades menores (moneda no registrada)</translation>
    </message>
    <message>
      <source>{amount} in minor units of {currency}</source>
      <translation>{amount} en unidades menores de {currency}</translation>
    </message>
    <message>
      <source>{amount} is not an amount.</source>
      <translation>{amount} no es un importe.</translation>
    </message>
    <message>
      <source>{amount} of your payment for the session with {other} refunded</source>
      <translation>Reembolsados {amount} de tu pago por la clase con {other}</translation>
    </message>
    <message>
      <source>{amount} of your payment was refunded on {when}.</source>
      <translation>Se te reembolsaron {amount} de tu pago el {when}.</translation>
    </message>
    <message>
      <source>{amount} of your payment was refunded.</source>
      <translation>Se te reembolsaron {amount} de tu pago.</translation>
    </message>
    <message>
      <source>{amount} of {other}'s payment was refunded on {when}.</source>
      <translation>Se reembolsaron {amount} del pago de {other} el {when}.</translation>
    </message>
    <message>
      <source>{amount} of {other}'s payment was refunded.</source>
      <translation>Se reembolsaron {amount} del pago de {other}.</translation>
    </message>
    <message>
      <source>{amount} on {when}</source>
      <translation>{amount} el {when}</translation>
    </message>
    <message>
      <source>{amount} returned ({before} → {after})</source>
      <translation>{amount} devueltos ({before} → {after})</translation>
    </message>
    <message>
      <source>{amount} was refunded at Stripe ({status}).</source>
      <translation>Se reembolsaron {amount} en Stripe ({status}).</translation>
    </message>
    <message>
      <source>{app} · Teacher statement</source>
      <translation>{app} · Extracto del profesor</translation>
    </message>
    <message>
      <source>{app} — Sign in</source>
      <translation>{app} — Iniciar sesión</translation>
    </message>
    <message>
      <source>{attempts} of {max}</source>
      <translation>{attempts} de {max}</translation>
    </message>
    <message>
      <source>{base} + {fee} = {total}</source>
      <translation>{base} + {fee} = {total}</translation>
    </message>
    <message>
      <source>{before} → {after}</source>
      <translation>{before} → {after}</translation>
    </message>
    <message>
      <source>{brand} ending in {last4}</source>
      <translation>{brand} terminada en {last4}</translation>
    </message>
    <message>
      <source>{brand} ending {last4}</source>
      <translation>{brand} terminada en {last4}</translation>
    </message>
    <message>
      <source>{brand} •••• {last4}, expires {month}/{year}</source>
      <translation>{brand} •••• {last4}, caduca {month}/{year}</translation>
    </message>
    <message>
      <source>{card} is not one of Stripe's test cards (pm_card_...).</source>
      <translation>{card} no es una de las tarjetas de prueba de Stripe (pm_card_...).</translation>
    </message>
    <message>
      <source>{card} is now your default card.</source>
      <translation>{card} es ahora tu tarjeta predeterminada.</translation>
    </message>
    <message>
      <source>{card} saved.</source>
      <translation>{card} guardada.</translation>
    </message>
    <message>
      <source>{card} was removed.</source>
      <translation>Se ha eliminado {card}.</translation>
    </message>
    <message>
      <source>{count} new</source>
      <translation>{count} nuevos</translation>
    </message>
    <message>
      <source>{count} to look at (the first of each rule; more show once these are fixed).</source>
      <translation>{count} por revisar (los primeros de cada regla; aparecerán más cuando se solucionen estos).</translation>
    </message>
    <message>
      <source>{count} to look at.</source>
      <translation>{count} por revisar.</translation>
    </message>
    <message>
      <source>{count} unread</source>
      <translation>{count} sin leer</translation>
    </message>
    <message>
      <source>{count} unread messages</source>
      <translation>{count} mensajes sin leer</translation>
    </message>
    <message>
      <source>{count} unread messages in your bookings</source>
      <translation>{count} mensajes sin leer en tus reservas</translation>
    </message>
    <message>
      <source>{currency} amounts have at most {n} decimal places.</source>
      <translation>Los importes en {currency} tienen como máximo {n} decimales.</translation>
    </message>
    <message>
      <source>{currency} amounts have no decimals; type e.g. 1000.</source>
      <translation>Los importes en {currency} no tienen decimales; escribe, p. ej., 1000.</translation>
    </message>
    <message>
      <source>{days} {start}:00-{end}:00</source>
      <translation>{days} {start}:00-{end}:00</translation>
    </message>
    <message>
      <source>{day} is not a day off.</source>
      <translation>{day} no es un día libre.</translation>
    </message>
    <message>
      <source>{earlier}; {next}</source>
      <translation>{earlier}; {next}</translation>
    </message>
    <message>
      <source>{failure} {hint}</source>
      <translation>{failure} {hint}</translation>
    </message>
    <message>
      <source>{fee} (the minimum; {percent} % would be {amount})</source>
      <translation>{fee} (el mínimo; el {percent} % sería {amount})</translation>
    </message>
    <message>
      <source>{fee} platform fee</source>
      <translation>{fee} de comisión de la plataforma</translation>
    </message>
    <message>
      <source>{fee} platform fee (the minimum; {percent} % would be {amount})</source>
      <translation>{fee} de comisión de la plataforma (el mínimo; el {percent} % sería {amount})</translation>
    </message>
    <message>
      <source>{file} could not be written to {folder}: {reason}.</source>
      <translation>No se pudo guardar {file} en {folder}: {reason}.</translation>
    </message>
    <message>
      <source>{first} to {last} ({zone})</source>
      <translation>{first} a {last} ({zone})</translation>
    </message>
    <message>
      <source>{first}–{last} of {total} {noun}</source>
      <translation>{first}–{last} de {total} {noun}</translation>
    </message>
    <message>
      <source>{gig} with {teacher}</source>
      <translation>{gig} con {teacher}</translation>
    </message>
    <message>
      <source>{hours} h</source>
      <translation>{hours} h</translation>
    </message>
    <message>
      <source>{hours} h {minutes} min</source>
      <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
      <source>{label}: {value}</source>
      <translation>{label}: {value}</translation>
    </message>
    <message>
      <source>{language} is listed twice; keep one line per language.</source>
      <translation>{language} aparece dos veces; deja una línea por idioma.</translation>
    </message>
    <message>
      <source>{language} · level {level} · {lengths} sessions</source>
      <translation>{language} · nivel {level} · clases de {lengths}</translation>
    </message>
    <message>
      <source>{language} · level {level} · {rate}</source>
      <translation>{language} · nivel {level} · {rate}</translation>
    </message>
    <message>
      <source>{length} at {rate} / h: {base} + {fee}</source>
      <translation>{length} a {rate} / h: {base} + {fee}</translation>
    </message>
    <message>
      <source>{low}–{high} min</source>
      <translation>{low}–{high} min</translation>
    </message>
    <message>
      <source>{minutes} min</source>
      <translation>{minutes} min</translation>
    </message>
    <message>
      <source>{name} (you)</source>
      <translation>{name} (tú)</translation>
    </message>
    <message>
      <source>{name} proposed a new time: {when}.</source>
      <translation>{name} propuso una nueva hora: {when}.</translation>
    </message>
    <message>
      <source>{name} wrote about your session {title} ({when}):</source>
      <translation>{name} ha escrito sobre tu clase {title} ({when}):</translation>
    </message>
    <message>
      <source>{name} — teacher profile</source>
      <translation>{name} — perfil del profesor</translation>
    </message>
    <message>
      <source>{name}'s time</source>
      <translation>Hora de {name}</translation>
    </message>
    <message>
      <source>{name}: {amount}</source>
      <translation>{name}: {amount}</translation>
    </message>
    <message>
      <source>{n} characters</source>
      <translation>{n} caracteres</translation>
    </message>
    <message>
      <source>{n} dead letters waiting for a retry.</source>
      <translation>{n} tareas fallidas esperan un reintento.</translation>
    </message>
    <message>
      <source>{n} events</source>
      <translation>{n} eventos</translation>
    </message>
    <message>
      <source>{n} of {most}</source>
      <translation>{n} de {most}</translation>
    </message>
    <message>
      <source>{n} sessions</source>
      <translation>{n} clases</translation>
    </message>
    <message>
      <source>{other} asks for a {minutes}-minute session.</source>
      <translation>{other} solicita una clase de {minutes} minutos.</translation>
    </message>
    <message>
      <source>{other} confirmed your session — pay now</source>
      <translation>{other} ha confirmado tu clase: paga ahora</translation>
    </message>
    <message>
      <source>{other} confirmed your session. Pay now to keep it: {amount} by {due}.</source>
      <translation>{other} ha confirmado tu clase. Paga ahora para mantenerla: {amount} antes del {due}.</translation>
    </message>
    <message>
      <source>{other} confirmed your session. Pay now to keep it: {amount}.</source>
      <translation>{other} ha confirmado tu clase. Paga ahora para mantenerla: {amount}.</translation>
    </message>
    <message>
      <source>{other} declined your request. Reason: {reason}.</source>
      <translation>{other} ha rechazado tu solicitud. Motivo: {reason}.</translation>
    </message>
    <message>
      <source>{other} declined your session request</source>
      <translation>{other} ha rechazado tu solicitud de clase</translation>
    </message>
    <message>
      <source>{other} did not answer in time, so the request expired. You were not charged.</source>
      <translation>{other} no respondió a tiempo, así que la solicitud ha caducado. No se te ha cobrado nada.</translation>
    </message>
    <message>
      <source>{other} paid for the session.</source>
      <translation>{other} ha pagado la clase.</translation>
    </message>
    <message>
      <source>{paid} with {card}</source>
      <translation>{paid} con {card}</translation>
    </message>
    <message>
      <source>{period}. Earned: the teacher's share of payments that succeeded in the period, less refunds. Owed: earned up to the period's end, less everything paid out by then.</source>
      <translation>{period}. Ganado: la parte del profesor de los pagos completados en el periodo, menos los reembolsos. Adeudado: lo ganado hasta el final del periodo, menos todo lo pagado al profesor hasta entonces.</translation>
    </message>
    <message>
      <source>{record} #{number}</source>
      <translation>{record} #{number}</translation>
    </message>
    <message>
      <source>{remaining} of the original {total} remains paid.</source>
      <translation>Siguen pagados {remaining} del total original de {total}.</translation>
    </message>
    <message>
      <source>{sentence} Reason: {reason}</source>
      <translation>{sentence} Motivo: {reason}</translation>
    </message>
    <message>
      <source>{shown} of {total} bookings loaded · scroll for more</source>
      <translation>{shown} de {total} reservas cargadas · desplázate para ver más</translation>
    </message>
    <message>
      <source>{shown} of {total} events loaded (scroll for more)</source>
      <translation>{shown} de {total} eventos cargados (desplázate para ver más)</translation>
    </message>
    <message>
      <source>{span}  ·  times in {zone}</source>
      <translation>{span}  ·  horas en {zone}</translation>
    </message>
    <message>
      <source>{stars} of 5 stars</source>
      <translation>{stars} de 5 estrellas</translation>
    </message>
    <message>
      <source>{stars} of 5 — {word}</source>
      <translation>{stars} de 5 — {word}</translation>
    </message>
    <message>
      <source>{stars} of 5: {word}</source>
      <translation>{stars} de 5: {word}</translation>
    </message>
    <message>
      <source>{stars} stars</source>
      <translation>{stars} estrellas</translation>
    </message>
    <message>
      <source>{start} to {end}</source>
      <translation>{start} hasta las {end}</translation>
    </message>
    <message>
      <source>{status}: {reason}</source>
      <translation>{status}: {reason}</translation>
    </message>
    <message>
      <source>{student} asks to cancel a session</source>
      <translation>{student} solicita cancelar una clase</translation>
    </message>
    <message>
      <source>{student} asks to cancel the session on {when}, which starts within 24 hours, so the refund is not automatic.</source>
      <translation>{student} solicita cancelar la clase del {when}, que empieza en menos de 24 horas, así que el reembolso no es automático.</translation>
    </message>
    <message>
      <source>{student} with {teacher}</source>
      <translation>{student} con {teacher}</translation>
    </message>
    <message>
      <source>{student} with {teacher} · paid {paid} · already refunded {refunded}</source>
      <translation>{student} con {teacher} · pagado {paid} · ya reembolsado {refunded}</translation>
    </message>
    <message>
      <source>{teacher} has no earnings in that currency (currencies earned: {known}).</source>
      <translation>{teacher} no tiene ingresos en esa moneda (monedas con ingresos: {known}).</translation>
    </message>
    <message>
      <source>{teacher} has no earnings in {currency} (currencies earned: {known}).</source>
      <translation>{teacher} no tiene ingresos en {currency} (monedas con ingresos: {known}).</translation>
    </message>
    <message>
      <source>{time} local time ({zone})</source>
      <translation>{time} hora local ({zone})</translation>
    </message>
    <message>
      <source>{total} bookings</source>
      <translation>{total} reservas</translation>
    </message>
    <message>
      <source>{total} including {fee} platform fee</source>
      <translation>{total}, incluidos {fee} de comisión de la plataforma</translation>
    </message>
    <message>
      <source>{total} {noun}</source>
      <translation>{total} {noun}</translation>
    </message>
    <message>
      <source>{typed} is ambiguous: here it reads as {read} {currency}; for {other} {currency} type {other}.</source>
      <translation>{typed} es ambiguo: aquí se lee como {read} {currency}; para {other} {currency} escribe {other}.</translation>
    </message>
    <message>
      <source>{typed} is ambiguous: here {mark} groups thousands; for {other} {currency} type {other}.</source>
      <translation>{typed} es ambiguo: aquí {mark} separa los miles; para {other} {currency} escribe {other}.</translation>
    </message>
    <message>
      <source>{value} is not a language name (2 to 40 letters, e.g. 'Spanish').</source>
      <translation>{value} no es un nombre de idioma (de 2 a 40 letras, p. ej. 'Spanish').</translation>
    </message>
    <message>
      <source>{value} is not a valid email address.</source>
      <translation>{value} no es un correo electrónico válido.</translation>
    </message>
    <message>
      <source>{weekday} {day} {month} {year}, {time} (UTC{offset})</source>
      <translation>{weekday} {day} {month} {year}, {time} (UTC{offset})</translation>
    </message>
    <message>
      <source>{what} must be a date and time.</source>
      <translation>{what} debe ser una fecha y hora.</translation>
    </message>
    <message>
      <source>{what} must carry its time zone.</source>
      <translation>{what} debe llevar su zona horaria.</translation>
    </message>
    <message>
      <source>{what} must lie between {first} and {last}.</source>
      <translation>{what} debe estar entre {first} y {last}.</translation>
    </message>
    <message>
      <source>{what} number</source>
      <translation>número de {what}</translation>
    </message>
    <message>
      <source>{what}: {state}</source>
      <translation>{what}: {state}</translation>
    </message>
    <message>
      <source>“{subject}” to {recipient}</source>
      <translation>«{subject}» para {recipient}</translation>
    </message>
    <message>
      <source>← Previous</source>
      <translation>← Anterior</translation>
    </message>
    <message>
      <source>← Previous week</source>
      <translation>← Semana anterior</translation>
    </message>
    <message>
      <source>★ {average} (1 review)</source>
      <translation>★ {average} (1 reseña)</translation>
    </message>
    <message>
      <source>★ {average} ({count} reviews)</source>
      <translation>★ {average} ({count} reseñas)</translation>
    </message>
    <message>
      <source>★ {average} · 1 review</source>
      <translation>★ {average} · 1 reseña</translation>
    </message>
    <message>
      <source>★ {average} · {count} reviews</source>
      <translation>★ {average} · {count} reseñas</translation>
    </message>
  </context>
</TS>
